import { execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { readSources } from "../../generator/read/sources.js";
import type { Diagnostic } from "../../generator/types/index.js";
import { ROOT, resourcePage } from "../helpers.js";

/** The read stage on real folders: links, permissions, encodings, standard input. Nothing is skipped in silence. */

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-read-"));
});
afterEach(async () => {
  await chmod(tmp, 0o755).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

const placed = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.at ? `${d.at.file}:${d.at.line}:${d.at.column}` : "-"}`);
const page = (name: string): string => resourcePage({ name, namespace: "contoso", properties: ["|id|String|The id.|"] });

async function tree(files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(tmp, file)), { recursive: true });
    await writeFile(path.join(tmp, file), text);
  }
}

test("a folder of Markdown under another extension (.markdown): GT0002 says so and how to read them; named, they are read", async () => {
  await tree({ "docs/a.markdown": page("a"), "docs/sub/b.MKD": page("b"), "docs/notes.txt": "notes\n" });
  const { sources, diagnostics } = await readSources(["docs"], tmp);
  expect(sources).toEqual([]);
  expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["GT0002", "no .md files found in docs (2 files are Markdown under another extension, such as .markdown: rename them to .md, or name each as an input)"]]);
  expect((await readSources(["docs/a.markdown"], tmp)).sources.map((s) => s.path)).toEqual(["docs/a.markdown"]);
  // Beside .md pages they are left as before: the folder's .md files are its pages.
  await tree({ "docs/c.md": page("c") });
  expect((await readSources(["docs"], tmp)).sources.map((s) => s.path)).toEqual(["docs/c.md"]);
});

describe("symbolic links in an input folder", () => {
  test("a link to a page inside: read once, GT0006; a link out of the folder: GT0005, not followed; a broken one: GT0004", async () => {
    await tree({ "docs/a.md": page("a"), "docs/sub/b.md": page("b"), "shared/c.md": page("c"), "shared/d.md": page("d") });
    await symlink("../a.md", path.join(tmp, "docs/sub/again.md"));
    await symlink(path.join(tmp, "shared"), path.join(tmp, "docs/shared"));
    await symlink(path.join(tmp, "shared/c.md"), path.join(tmp, "docs/c.md"));
    await symlink("missing.md", path.join(tmp, "docs/gone.md"));
    const { sources, diagnostics } = await readSources(["docs"], tmp);
    expect(sources.map((s) => s.path)).toEqual(["docs/a.md", "docs/sub/b.md"]);
    expect(placed(diagnostics)).toEqual(["GT0005 docs/c.md:1:1", "GT0004 docs/gone.md:1:1", "GT0005 docs/shared:1:1", "GT0006 docs/sub/again.md:1:1"]);
    expect(diagnostics.find((d) => d.code === "GT0006")!.message).toBe("the symbolic link docs/sub/again.md leads to the page docs/a.md, which is read already; not read twice");
    expect(diagnostics.find((d) => d.code === "GT0004")!.message).toBe("the symbolic link docs/gone.md is broken (its target does not exist); not read");
  });

  test("a loop (a link to an ancestor) is read once and reported; a page linked under a new .md name is read", async () => {
    await tree({ "docs/a.md": page("a"), "docs/notes/b.txt": page("b") });
    await symlink("..", path.join(tmp, "docs/notes/up"));
    await symlink("b.txt", path.join(tmp, "docs/notes/b.md"));
    const { sources, diagnostics } = await readSources(["docs"], tmp);
    expect(sources.map((s) => s.path)).toEqual(["docs/a.md", "docs/notes/b.md"]);
    expect(placed(diagnostics)).toEqual(["GT0006 docs/notes/up:1:1"]);
    expect(diagnostics[0]!.message).toBe("the symbolic link docs/notes/up leads to the folder docs, which is read already; not read twice");
  });

  test("an input folder that is itself a link is read through it", async () => {
    await tree({ "real/a.md": page("a") });
    await symlink(path.join(tmp, "real"), path.join(tmp, "docs"));
    const { sources, diagnostics } = await readSources(["docs"], tmp);
    expect(sources.map((s) => s.path)).toEqual(["docs/a.md"]);
    expect(diagnostics).toEqual([]);
  });
});

describe("permissions (as an unprivileged user: root reads everything)", () => {
  const asNobody = process.getuid?.() === 0 ? test : test.skip;
  asNobody("an unreadable folder and an unreadable page are named exactly (GT0004), the rest is generated", async () => {
    await tree({ "docs/a.md": page("a"), "docs/locked/b.md": page("b"), "docs/secret.md": page("s") });
    await chmod(path.join(tmp, "docs/locked"), 0o000);
    await chmod(path.join(tmp, "docs/secret.md"), 0o000);
    await chmod(tmp, 0o777);
    const cli = path.join(ROOT, "dist", "cli", "main.js");
    const run = await promisify(execFile)("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cli, "generate", "docs", "--out", "out", "--no-cache"], { cwd: tmp }).catch((e: { stdout: string; code: number }) => e);
    expect(run.stdout).toContain("docs/locked:1:1 error GT0004 cannot read the folder docs/locked: permission denied; the pages in it are left out");
    expect(run.stdout).toContain("docs/secret.md:1:1 error GT0004 cannot read docs/secret.md: permission denied; left out");
    expect(run.stdout).toMatch(/wrote \d+ files/);
  }, 60_000);
});

describe("encodings", () => {
  const utf16 = (text: string, big: boolean): Buffer => {
    const le = Buffer.from(text, "utf16le");
    if (big) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  };

  test("UTF-16 pages with a byte order mark (LE and BE) read as their text", async () => {
    const text = page("wïdget");
    await writeFile(path.join(tmp, "le.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(text, false)]));
    await writeFile(path.join(tmp, "be.md"), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(text, true)]));
    const { sources, diagnostics } = await readSources(["le.md", "be.md"], tmp);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.text)).toEqual([text, text]);
  });

  test("XML in UTF-16 without a mark, and in the encoding its declaration names (ISO-8859-1)", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\n<Schema Namespace="contoso" xmlns="http://docs.oasis-open.org/odata/ns/edm"/>';
    await writeFile(path.join(tmp, "utf16.xml"), utf16(xml, false));
    const latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Schema Namespace="caf\u00e9"/>';
    await writeFile(path.join(tmp, "latin.xml"), Buffer.from(latin, "latin1"));
    const { sources, diagnostics } = await readSources(["utf16.xml", "latin.xml"], tmp, { kind: "csdl" });
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => [s.path, s.text])).toEqual([["latin.xml", latin], ["utf16.xml", xml]]);
    expect(sources.every((s) => s.kind === "csdl")).toBe(true);
  });

  test("XML saved as UTF-8 that declares UTF-16 (a .NET StringWriter's): read as UTF-8, with a warning that says so", async () => {
    const xml = '<?xml version="1.0" encoding="utf-16"?>\n<Schema Namespace="caf\u00e9" xmlns="http://docs.oasis-open.org/odata/ns/edm"/>';
    await writeFile(path.join(tmp, "declared.xml"), Buffer.from(xml, "utf8"));
    const { sources, diagnostics } = await readSources(["declared.xml"], tmp, { kind: "csdl" });
    expect(sources.map((s) => s.text)).toEqual([xml]);
    expect(diagnostics.map((d) => [d.code, d.severity, `${d.at?.line}:${d.at?.column}`])).toEqual([["GT0007", "warning", "1:1"]]);
    expect(diagnostics[0]!.message).toContain('the XML declaration says encoding="utf-16", but the file starts with <?xml in single bytes (no byte order mark), so it cannot be utf-16; read as UTF-8');
  });
});

describe("--csdl means CSDL, whatever the file is called", () => {
  const metadata = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="contoso" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="thing"><Property Name="size" Type="Edm.Int32"/></ComplexType></Schema></edmx:DataServices></edmx:Edmx>`;
  const cli = path.join(ROOT, "dist", "cli", "main.js");

  test("a file named $metadata, and standard input (--csdl -), are read as metadata", async () => {
    await writeFile(path.join(tmp, "$metadata"), metadata);
    const named = await promisify(execFile)(process.execPath, [cli, "generate", "--csdl", "$metadata", "--out", "named", "--no-cache"], { cwd: tmp });
    expect(named.stdout).toMatch(/0 errors.*wrote 3 files/);
    expect(await readFile(path.join(tmp, "named", "contoso.ts"), "utf8")).toContain("size?: number | null;");
    const piped = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, "generate", "--csdl", "-", "--out", "piped", "--no-cache"], { cwd: tmp });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.on("close", (code) => resolve({ code, stdout }));
      child.stdin.end(metadata);
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/wrote 3 files/);
    const module = await readFile(path.join(tmp, "piped", "contoso.ts"), "utf8");
    expect(module).toContain("size?: number | null;");
    expect(module).toContain("standard input");
  }, 60_000);
});

// A named pipe is read through the thread pool (a FIFO with no writer blocks in open; a blocked synchronous read
// would keep --watch's Ctrl-C handler from ever running): its text arrives whole, within the size cap.
(process.platform === "linux" ? test : test.skip)("a named pipe is read whole, and refused past the size cap", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-fifo-"));
  try {
    const fifo = path.join(dir, "pipe.md");
    await promisify(execFile)("mkfifo", [fifo]);
    const text = "# widget resource type\n\n" + "x".repeat(200_000) + "\n";
    const write = (data: string) => spawn("sh", ["-c", `cat > "${fifo}"`], { stdio: ["pipe", "ignore", "ignore"] }).stdin!.end(data);
    write(text);
    const whole = await readSources([fifo], dir);
    expect(whole.sources.map((s) => s.text)).toEqual([text]);
    write(text);
    const capped = await readSources([fifo], dir, { maxBytes: 100_000 });
    expect(capped.sources).toEqual([]);
    expect(capped.diagnostics.map((d) => d.code)).toEqual(["GT0003"]);
    // A pipe has no size: the message says it passed the limit, not how much of it was read.
    expect(capped.diagnostics[0]!.message).toBe(`${path.relative(dir, fifo)} is more than 100000 bytes, over the limit of 100000; not read`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Pages in a folder are read from regular files only (a pipe with no writer blocks, /dev/zero has no end); a page
// name that is a pipe, or a link to a device, is named in a GT0004, never skipped in silence.
(process.platform === "linux" ? test : test.skip)("a pipe or a link to a device named like a page in a folder: GT0004 naming it, the other pages read", async () => {
  await tree({ "docs/widget.md": page("widget") });
  await promisify(execFile)("mkfifo", [path.join(tmp, "docs", "pipe.md")]);
  await symlink("/dev/zero", path.join(tmp, "docs", "zero.md"));
  await promisify(execFile)("mkfifo", [path.join(tmp, "docs", "notes.txt")]); // not a page name: not looked at
  const { sources, diagnostics } = await readSources([path.join(tmp, "docs")], tmp);
  expect(sources.map((s) => s.path)).toEqual(["docs/widget.md"]);
  expect(placed(diagnostics)).toEqual(["GT0004 docs/pipe.md:1:1", "GT0004 docs/zero.md:1:1"]);
  expect(diagnostics[0]!.message).toContain("docs/pipe.md is a named pipe");
  expect(diagnostics[1]!.message).toContain("leads to /dev/zero, which is a device");
});
