import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { ROOT, runCli } from "../helpers.js";
import { tree } from "./tree.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-check-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const input = path.join(ROOT, "input");
const SECRET = "API_KEY=do-not-print-me";

/**
 * A committed output folder whose manifest a pull request has edited to list files outside it (absolute, `..`,
 * through /proc), a user file inside it that is not .ts, a link to a secret, and a file under a symlinked folder.
 */
async function tamperedOutput(): Promise<{ out: string; manifest: string }> {
  const out = path.join(tmp, "out");
  expect((await runCli(["generate", input, "--out", out, "-q"], tmp)).code).toBe(EXIT.ok);
  await writeFile(path.join(tmp, "secret.env"), `${SECRET}\n`);
  await writeFile(path.join(tmp, "secret.ts"), `export const key = "${SECRET}";\n`);
  await writeFile(path.join(out, ".env"), `${SECRET}\n`);
  await symlink(path.join(tmp, "secret.ts"), path.join(out, "linked.ts"));
  await mkdir(path.join(tmp, "elsewhere"));
  await writeFile(path.join(tmp, "elsewhere", "x.ts"), `${SECRET}\n`);
  await symlink(path.join(tmp, "elsewhere"), path.join(out, "sub"));
  const manifest = path.join(out, ".graph-typegen-manifest.json");
  const listed = JSON.parse(await readFile(manifest, "utf8")) as { files: string[] };
  listed.files.push("../secret.env", "../../../../proc/self/environ", path.join(tmp, "secret.ts"), ".env", "linked.ts", "sub/x.ts", "a\\..\\..\\secret.ts");
  (listed.files as unknown[]).push(42, null, "folder/", "a/./b.ts");
  await writeFile(manifest, JSON.stringify(listed, null, 2));
  return { out, manifest };
}

test("--check never reads a manifest entry outside --out, through a link, or not ours, and never prints it", async () => {
  const { out } = await tamperedOutput();
  const { code, stdout } = await runCli(["generate", input, "--out", out, "--check"], tmp);
  expect(code).toBe(EXIT.failed);
  expect(stdout).not.toContain(SECRET);
  expect(stdout).not.toContain("would delete: out/../secret.env");
  expect(stdout).not.toMatch(/would delete: .*(secret|environ|\.env|linked|sub\/x)/);
  // Each rejected entry is a diagnostic at its line of the manifest.
  expect(stdout).toMatch(/\.graph-typegen-manifest\.json:\d+:5 error GT0014 the manifest lists "\.\.\/secret\.env", a path outside the output folder; ignored: never read, never deleted/);
  expect(stdout).toContain('the manifest lists "../../../../proc/self/environ", a path outside the output folder');
  expect(stdout).toContain(`the manifest lists ${JSON.stringify(path.join(tmp, "secret.ts"))}, a path outside the output folder`);
  expect(stdout).toContain('the manifest lists ".env", a file graph-typegen never writes');
  expect(stdout).toContain('the manifest lists "a\\\\..\\\\..\\\\secret.ts", a path outside the output folder');
  // What is not a path outside is not called one.
  expect(stdout).toContain("the manifest lists 42, not a path (a number)");
  expect(stdout).toContain("the manifest lists null, not a path (null)");
  expect(stdout).toContain('the manifest lists "folder/", not a plain relative path');
  expect(stdout).toContain('the manifest lists "a/./b.ts", not a plain relative path');
  expect(stdout).toContain("out/linked.ts was not read: it is a symbolic link, not a file graph-typegen writes");
  expect(stdout).toContain("out/sub/x.ts was not read: its folder is a symbolic link that leads outside the output folder");
});

test("a generated file replaced by a link to a secret: --check calls it stale without printing what it points at", async () => {
  const out = path.join(tmp, "out");
  expect((await runCli(["generate", input, "--out", out, "-q"], tmp)).code).toBe(EXIT.ok);
  await writeFile(path.join(tmp, "secret.env"), `${SECRET}\n`);
  await rm(path.join(out, "index.ts"));
  await symlink(path.join(tmp, "secret.env"), path.join(out, "index.ts"));
  const { code, stdout } = await runCli(["generate", input, "--out", out, "--check"], tmp);
  expect(code).toBe(EXIT.failed);
  expect(stdout).toContain(`stale: ${out}/index.ts`);
  expect(stdout).toContain("out/index.ts:1:1 error GT0014 out/index.ts was not read: it is a symbolic link");
  expect(stdout).not.toContain(SECRET);
});

test("generate with a tampered manifest deletes nothing outside --out and nothing that is not ours; the next manifest is clean", async () => {
  const { out, manifest } = await tamperedOutput();
  const outside = await tree(tmp);
  const { code, stdout } = await runCli(["generate", input, "--out", out, "-q"], tmp);
  expect(code).toBe(EXIT.failed); // the manifest's errors; the output is written
  expect(stdout).not.toContain(SECRET);
  const after = await tree(tmp);
  // Only the manifest changed: every listed file outside or not ours is still there, byte for byte.
  const changed = Object.keys(after!).filter((k) => after![k] !== outside![k]);
  expect(changed).toEqual(["out/.graph-typegen-manifest.json"]);
  expect(JSON.parse(await readFile(manifest, "utf8")).files).toEqual(["index.ts", "microsoft.graph.partners.billing.ts", "microsoft.graph.ts", "runtime.ts"]);
  expect((await runCli(["generate", input, "--out", out, "--check", "-q"], tmp)).code).toBe(EXIT.ok);
});
