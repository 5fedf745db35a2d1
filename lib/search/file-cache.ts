/**
 * Index files fetched once per page: each path is fetched and parsed at most
 * once, and concurrent requests for it share one fetch. A failed fetch is
 * forgotten, so the next query tries again. Paths `keep` refuses (a server's
 * fragments: over a process's life they would add up to the whole corpus)
 * are shared only while in flight, then forgotten too.
 */

export type Fetch = (url: string) => Promise<Pick<Response, "ok" | "status" | "json" | "arrayBuffer">>;

export class FileCache {
  private readonly loaded = new Map<string, Promise<unknown>>();
  private readonly base: string;

  constructor(
    base: string,
    private readonly fetchFile: Fetch,
    private readonly keep: (path: string) => boolean = () => true,
  ) {
    this.base = base.replace(/\/+$/, "");
  }

  json<T>(path: string): Promise<T> {
    return this.load(path, (res) => res.json() as Promise<T>);
  }

  /** Binary files, with `parse` run once (a shard is decoded once, not per query). */
  bytes<T>(path: string, parse: (bytes: Uint8Array) => T): Promise<T> {
    return this.load(path, async (res) => parse(new Uint8Array(await res.arrayBuffer())));
  }

  /** Paths fetched (or being fetched) so far: what a page has downloaded. */
  paths(): string[] {
    return [...this.loaded.keys()];
  }

  private load<T>(path: string, read: (res: Awaited<ReturnType<Fetch>>) => Promise<T>): Promise<T> {
    const cached = this.loaded.get(path);
    if (cached) return cached as Promise<T>;
    const pending = this.fetchFile(`${this.base}/${path}`).then((res) => {
      if (!res.ok) throw new Error(`search index: ${res.status} for ${path}`);
      return read(res);
    });
    this.loaded.set(path, pending);
    if (this.keep(path)) pending.catch(() => this.loaded.delete(path));
    else pending.then(() => this.loaded.delete(path), () => this.loaded.delete(path));
    return pending;
  }
}
