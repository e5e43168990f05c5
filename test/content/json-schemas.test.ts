import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonSchemas } from '../../src/content/index.js';
import { writeBundle } from './helpers.js';

const expected: Record<string, string[]> = {
  'flow.schema.json': ['id', 'title', 'entry', 'nodes'],
  'flow-overlay.schema.json': ['id', 'entry', 'nodes'],
  'intents.schema.json': ['intents'],
  'municipality.schema.json': ['id', 'name', 'fictional', 'contacts', 'pages', 'facts', 'survey'],
  'settings.schema.json': ['mainFlow', 'defaultMunicipality', 'reviewMaxAgeDays', 'keepOnRestart', 'locales'],
};

describe('exportJsonSchemas', () => {
  it('writes one valid JSON Schema per kind of YAML file', async () => {
    const dir = await writeBundle({}, {});
    const written = await exportJsonSchemas(join(dir, 'schemas'));
    expect(written.map((path) => path.slice(dir.length + 1)).sort()).toEqual(
      [...Object.keys(expected), 'content.schema.json'].map((file) => `schemas/${file}`).sort(),
    );
    for (const [file, properties] of Object.entries(expected)) {
      const schema = JSON.parse(await readFile(join(dir, 'schemas', file), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties as object)).toEqual(properties);
    }
  });

  it('describes content files as keys mapped to a text or an entry, and recursive conditions by reference', async () => {
    const dir = await writeBundle({}, {});
    await exportJsonSchemas(dir);
    const content = JSON.parse(await readFile(join(dir, 'content.schema.json'), 'utf8')) as { propertyNames: { pattern: string }; additionalProperties: { anyOf: unknown[] } };
    expect(content.propertyNames.pattern).toBe('^[a-z][a-z0-9_]*(\\.[a-z0-9_-]+)+$');
    expect(content.additionalProperties.anyOf).toHaveLength(2);
    const flow = await readFile(join(dir, 'flow.schema.json'), 'utf8');
    expect(flow).toContain('"$ref": "#/definitions/condition"');
    expect(Object.keys((JSON.parse(flow) as { definitions: object }).definitions)).toContain('condition');
  });

  it('matches the committed schemas/ folder (run `npm run schemas` after changing src/content/schema.ts)', async () => {
    const dir = await writeBundle({}, {});
    const written = await exportJsonSchemas(dir);
    for (const path of written) {
      const file = path.slice(dir.length + 1);
      const committed = await readFile(join(import.meta.dirname, '..', '..', 'schemas', file), 'utf8');
      expect(committed, file).toBe(await readFile(path, 'utf8'));
    }
  });
});
