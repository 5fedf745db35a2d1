import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extraneousPaths, listWorkTree, resetWorkTree } from "../../scripts/work-tree";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function put(root: string, rel: string, text = "x") {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe("listWorkTree and resetWorkTree", () => {
  it("bring a snapshot back to how it was listed: build outputs go, its own files and node_modules stay", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "workspace-"));
    roots.push(root);
    put(root, "package.json", "{}");
    put(root, "app/page.tsx");
    put(root, "public/icon.svg");
    put(root, "node_modules/next/package.json");
    const pristine = listWorkTree(root);
    expect([...pristine].sort()).toEqual(["app", "app/page.tsx", "package.json", "public", "public/icon.svg"]);

    put(root, ".next/server/app/index.html");
    put(root, "out/index.html");
    put(root, ".cache/content/x.json");
    put(root, "public/js/reader.js");
    put(root, "app/page.tsx", "edited in place");
    put(root, "node_modules/.cache/x");
    expect(extraneousPaths(root, pristine).sort()).toEqual([".cache", ".next", "out", "public/js"]);
    const removed = resetWorkTree(root, pristine);

    expect(removed.sort()).toEqual([".cache", ".next", "out", "public/js"]);
    expect(existsSync(path.join(root, "public/icon.svg"))).toBe(true);
    expect(readFileSync(path.join(root, "app/page.tsx"), "utf8")).toBe("edited in place");
    expect(existsSync(path.join(root, "node_modules/.cache/x"))).toBe(true);
    expect(resetWorkTree(root, pristine)).toEqual([]);
  });
});
