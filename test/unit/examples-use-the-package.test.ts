import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const { exports } = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
/** What a project of its own may import: the package's entry points, and the libraries it is used with. */
const ENTRY_POINTS = new Set(
  Object.keys(exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? 'agentbridge' : `agentbridge/${subpath.slice(2)}`)),
);
const LIBRARIES = /^(zod|constructs|cdk-nag|aws-cdk-lib(\/[\w-]+)*|@aws-sdk\/[\w-]+|node:[\w/]+)$/;

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const specifiersOf = (code: string): string[] =>
  [...code.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
const isPackage = (specifier: string): boolean => ENTRY_POINTS.has(specifier) || LIBRARIES.test(specifier);

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** An example is a file directly under examples/, or a directory there: its own files may import each other. */
const exampleRootOf = (file: string): string => {
  const [, first] = relative(ROOT, file).split('/');
  return join(ROOT, 'examples', first ?? '');
};

const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const EXCERPT_LABEL = /^\/\/ (examples\/[\w/.-]+\.ts)\n/;
const lines = (text: string): string[] => text.split('\n').map((line) => line.trim());

describe('examples and README code use the package as a project of its own would', () => {
  const exampleFiles = filesUnder(join(ROOT, 'examples'));

  it('finds the examples', () => {
    expect(exampleFiles.map((file) => relative(ROOT, file))).toEqual(
      expect.arrayContaining(['examples/hello.ts', 'examples/support-triage/agents.ts']),
    );
  });

  it('imports, in every file under examples/, only agentbridge entry points, its libraries, and files of the same example', () => {
    const offending = exampleFiles.flatMap((file) =>
      specifiersOf(readFileSync(file, 'utf8'))
        .filter((specifier) => {
          if (!specifier.startsWith('.')) return !isPackage(specifier);
          const target = resolve(dirname(file), specifier);
          return !`${target}/`.startsWith(`${exampleRootOf(file)}/`) || target === exampleRootOf(file);
        })
        .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('imports, in every README code block, only agentbridge entry points and its libraries', () => {
    const specifiers = blocks.flatMap(specifiersOf);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !isPackage(specifier))).toEqual([]);
  });

  it('quotes each README excerpt labelled with an example file from that file, line for line', () => {
    const excerpts = blocks.flatMap((block) => {
      const label = EXCERPT_LABEL.exec(block);
      return label?.[1] === undefined ? [] : [{ file: label[1], body: block.slice(label[0].length) }];
    });
    expect(excerpts.length).toBeGreaterThanOrEqual(4);
    for (const { file, body } of excerpts) {
      const quoted = lines(body.trimEnd());
      const source = lines(readFileSync(file, 'utf8'));
      const at = source.findIndex((_, index) =>
        quoted.every((line, offset) => source[index + offset] === line),
      );
      expect(at, `${file}:\n${body}`).toBeGreaterThanOrEqual(0);
    }
  });
});
