// Finds this tool's package (its package.json, by walking up from this file): name, version, and paths of files it ships.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * The folder of this tool's package.json, found by walking up from this file: the same answer from the compiled tree
 * (dist/src/cli/) and from the bundle (dist/bundle/), so files shipped in the package are found from either.
 */
export function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'shadow-exec') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function readPackageInfo(): PackageInfo {
  const root = packageRoot();
  if (root === null) return { name: 'shadow-exec', version: '0.0.0' };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return { name: 'shadow-exec', version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
}

/** A path inside the package (e.g. 'scenarios/'), from wherever the running code was built to. */
export function packagePath(relative: string): string {
  return join(packageRoot() ?? process.cwd(), relative);
}
