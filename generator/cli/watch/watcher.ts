import { watch as watchFolder, type BigIntStats, type FSWatcher } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

/** One input as the watch sees it: a folder searched recursively for `extensions`, or one file. */
export interface WatchTarget {
  /** Absolute path of the input. */
  path: string;
  /** Whether it was a folder when the watch started; a file is watched through its folder. */
  folder: boolean;
  extensions: readonly string[];
}

export interface InputWatcherOptions {
  /** Something under the input may have changed: the caller debounces, then calls `sync()` and compares. */
  onEvent: () => void;
  /** What the run writes itself (the output's files, its manifest, temp and lock files): no event, not an input. */
  ignored: (absolute: string) => boolean;
  /** A folder that cannot be watched (the inotify limit, permissions): said once; its files are still listed. */
  onProblem: (message: string) => void;
  /** How often a vanished input folder is looked for. Default 250 ms. */
  pollMs?: number;
}

interface Armed {
  watcher: FSWatcher;
  /** Which folder it watches. Not the inode alone: ext4 gives a folder recreated at once the number just freed. */
  identity: string;
  /** The folder itself was moved or deleted (its watch said so): re-arm whatever is at the path now. */
  stale: boolean;
}

const identity = (info: BigIntStats): string => `${info.dev}:${info.ino}:${info.birthtimeNs}`;

/**
 * Watches one input by its folders, never by its files' handles. An editor that saves by renaming a temp file over
 * the page (vim, `sed -i`, IDEs, `os.replace`), or by deleting and recreating it, gives the page a new inode, and a
 * watch on the old one (what Node 20's recursive fs.watch sets on Linux: one a file) hears nothing after that. A
 * folder's watch reports every name created, removed, renamed or written in it, whatever the inode behind it.
 *
 * Folders can be replaced too: a branch switch deletes and recreates the input root, and `--out` over a folder that
 * holds inputs swaps that folder on every write. So `sync()` compares each watched folder's inode with the one at
 * its path now and re-arms; while the root is missing it is polled for, and its return is an event.
 */
export class InputWatcher {
  readonly #target: WatchTarget;
  readonly #options: InputWatcherOptions;
  readonly #folders = new Map<string, Armed>();
  /** Real paths of the pages that symbolic links in the input name: a write there is a write to an input. */
  #linked = new Set<string>();
  readonly #problems = new Set<string>();
  #poll: NodeJS.Timeout | undefined;
  /** When the root is a symbolic link: a watch of its parent, which hears the link re-pointed (`ln -sfn`). */
  #link: { folder: string; watcher: FSWatcher } | undefined;
  #closed = false;

  constructor(target: WatchTarget, options: InputWatcherOptions) {
    this.#target = target;
    this.#options = options;
  }

  /** The folder whose watch sees the input: the input folder itself, or a file's folder. */
  get #root(): string {
    return this.#target.folder ? this.#target.path : path.dirname(this.#target.path);
  }

  /**
   * Brings the watches in line with the folders there now, then returns the input files (none while the root is
   * gone; it is polled for then). Each folder is armed before it is listed, so a file that appears in between is
   * reported by an event rather than missed. Folders are walked with a queue, not recursion.
   */
  async sync(): Promise<string[]> {
    const seen = new Set<string>();
    const files: string[] = [];
    const linked = new Set<string>();
    const queue = [this.#root];
    for (let i = 0; i < queue.length && !this.#closed; i++) {
      const folder = queue[i]!;
      if (!(await this.#arm(folder))) continue;
      seen.add(folder);
      for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(folder, entry.name);
        if (this.#options.ignored(full)) continue;
        if (entry.isDirectory() && this.#target.folder) queue.push(full);
        else if ((entry.isFile() || entry.isSymbolicLink()) && this.#isInput(full)) {
          files.push(full);
          if (entry.isSymbolicLink()) await realpath(full).then((real) => linked.add(real), () => {});
        }
      }
    }
    for (const [folder, armed] of this.#folders) {
      if (seen.has(folder)) continue;
      armed.watcher.close();
      this.#folders.delete(folder);
    }
    this.#linked = linked;
    if (seen.has(this.#root)) this.#stopPolling();
    else this.#startPolling();
    await this.#watchLink();
    return files;
  }

  /**
   * A root reached through a symbolic link is watched in the folder the link points to, so re-pointing the link
   * changes nothing there: the new folder's saves went unheard. The link's own folder hears the re-pointing (a new
   * link renamed over the old); the sync it starts finds another folder behind the root and re-arms.
   */
  async #watchLink(): Promise<void> {
    const isLink = (await lstat(this.#root).catch(() => undefined))?.isSymbolicLink() ?? false;
    const parent = path.dirname(this.#root);
    if (this.#link && (!isLink || this.#link.folder !== parent)) {
      this.#link.watcher.close();
      this.#link = undefined;
    }
    if (!isLink || this.#link || this.#closed) return;
    try {
      const name = path.basename(this.#root);
      const watcher = watchFolder(parent, (_event, changed) => (changed === null || changed.toString() === name) && !this.#closed && this.#options.onEvent());
      watcher.on("error", () => {
        if (this.#link?.watcher === watcher) this.#link = undefined;
      });
      this.#link = { folder: parent, watcher };
    } catch (error) {
      if (!this.#problems.has(parent)) this.#options.onProblem(`cannot watch ${parent}: ${error instanceof Error ? error.message : String(error)}`);
      this.#problems.add(parent);
    }
  }

  close(): void {
    this.#closed = true;
    this.#link?.watcher.close();
    this.#link = undefined;
    this.#stopPolling();
    for (const { watcher } of this.#folders.values()) watcher.close();
    this.#folders.clear();
  }

  #isInput(file: string): boolean {
    if (!this.#target.folder) return file === this.#target.path;
    const name = file.toLowerCase();
    return this.#target.extensions.some((ext) => name.endsWith(ext));
  }

  /** Whether `folder` is a folder; it has a live watch after this unless fs.watch refused (said once). */
  async #arm(folder: string): Promise<boolean> {
    // stat before watch: if the folder is replaced in between, the inode kept is the older one and the next sync
    // re-arms; the other order could keep a dead watch under the new inode and never notice.
    const info = await stat(folder, { bigint: true }).catch(() => undefined);
    const armed = this.#folders.get(folder);
    if (armed && info && !armed.stale && armed.identity === identity(info)) return true;
    armed?.watcher.close();
    this.#folders.delete(folder);
    if (!info?.isDirectory() || this.#closed) return false;
    try {
      const watcher = watchFolder(folder, (event, name) => this.#event(folder, event, name));
      // A watch that failed is closed by Node: forget it, and look again (the next sync arms a new one).
      watcher.on("error", () => {
        if (this.#folders.get(folder)?.watcher === watcher) this.#folders.delete(folder);
        this.#options.onEvent();
      });
      this.#folders.set(folder, { watcher, identity: identity(info), stale: false });
      this.#problems.delete(folder);
    } catch (error) {
      if (!this.#problems.has(folder)) this.#options.onProblem(`cannot watch ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      this.#problems.add(folder);
    }
    return true;
  }

  #event(folder: string, event: string, name: string | Buffer | null): void {
    if (this.#closed) return;
    if (!name) return this.#options.onEvent(); // the platform did not say what changed: look
    const full = path.join(folder, name.toString());
    if (event === "rename" && name.toString() === path.basename(folder)) {
      // Linux names the watched folder itself when it is moved or deleted, and then its watch is dead. (Or a child
      // of the same name changed: re-arming costs nothing then, since sync lists the folder after arming.)
      const armed = this.#folders.get(folder);
      if (armed) armed.stale = true;
      return this.#options.onEvent();
    }
    if (this.#options.ignored(full)) return;
    // A page (written, created, removed, renamed over), a folder we watch (removed or renamed), or the target of a
    // symbolic link in the input.
    if (this.#isInput(full) || this.#folders.has(full) || this.#linked.has(full)) return this.#options.onEvent();
    // Any other name is a new folder (whose pages are inputs) or a file of no interest, such as an editor's temp file.
    if (event === "rename" && this.#target.folder) {
      void stat(full).then((info) => info.isDirectory() && !this.#closed && this.#options.onEvent(), () => {});
    }
  }

  #startPolling(): void {
    if (this.#poll || this.#closed) return;
    const look = (): void => {
      void stat(this.#root).then((info) => {
        if (!info.isDirectory() || !this.#poll) return;
        this.#stopPolling();
        this.#options.onEvent();
      }, () => {});
    };
    // A ref'd timer: while the root is gone, it is what keeps the process (and the watch) alive.
    this.#poll = setInterval(look, this.#options.pollMs ?? 250);
  }

  #stopPolling(): void {
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = undefined;
  }
}
