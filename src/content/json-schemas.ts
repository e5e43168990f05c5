/**
 * JSON Schemas for the YAML files, generated from the zod schemas so editors
 * (VS Code with yaml-language-server) offer completion and inline errors.
 * A YAML file opts in with a first line like
 * `# yaml-language-server: $schema=../schemas/flow.schema.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  conditionSchema,
  contentFileSchema,
  flowFileSchema,
  flowOverlaySchema,
  intentsFileSchema,
  municipalityFileSchema,
  settingsFileSchema,
} from './schema.js';
import { describeProperties, SCHEMA_DOCS } from './schema-docs.js';

interface SchemaFile {
  file: string;
  title: string;
  schema: z.ZodType;
}

export const SCHEMA_FILES: readonly SchemaFile[] = [
  { file: 'flow.schema.json', title: 'Medspiller flow (flows/<flow>.yaml)', schema: flowFileSchema },
  { file: 'flow-overlay.schema.json', title: 'Medspiller municipality flow overlay (content/municipalities/<id>/flows/<flow>.yaml)', schema: flowOverlaySchema },
  { file: 'content.schema.json', title: 'Medspiller texts (content/<locale>/<file>.yaml)', schema: contentFileSchema },
  { file: 'intents.schema.json', title: 'Medspiller intent words (content/<locale>/intents.yaml)', schema: intentsFileSchema },
  { file: 'municipality.schema.json', title: 'Medspiller municipality (content/municipalities/<id>/municipality.yaml)', schema: municipalityFileSchema },
  { file: 'settings.schema.json', title: 'Medspiller settings (content/settings.yaml)', schema: settingsFileSchema },
];

/** Named definitions for recursive parts (otherwise they are called __schema0, …). */
const names = z.registry<{ id: string }>();
names.add(conditionSchema, { id: 'condition' });

/**
 * The JSON Schema of one zod schema, as editors read the YAML (input side:
 * defaults are optional). Draft-07, the version yaml-language-server supports.
 */
export function jsonSchemaOf(schema: z.ZodType, title?: string): Record<string, unknown> {
  const options = { target: 'draft-7', io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline', metadata: names } as const;
  const { $schema, ...json } = z.toJSONSchema(schema, options);
  return title ? { $schema, title, ...json } : { $schema, ...json };
}

/** Writes every schema to `outDir` (created when missing); returns the written paths. */
export async function exportJsonSchemas(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const { file, title, schema } of SCHEMA_FILES) {
    const path = join(outDir, file);
    const json = describeProperties(jsonSchemaOf(schema, title), SCHEMA_DOCS[file] ?? {});
    await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
    written.push(path);
  }
  return written;
}

let keys: string[] | undefined;

/** Every property name the YAML files know, for "did you mean" hints on unknown keys. */
export function schemaKeys(): string[] {
  keys ??= [...new Set(SCHEMA_FILES.flatMap(({ schema }) => propertyNames(jsonSchemaOf(schema))))].sort();
  return keys;
}

function propertyNames(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = 'properties' in node && node.properties && typeof node.properties === 'object' ? Object.keys(node.properties) : [];
  return [...own, ...Object.values(node).flatMap(propertyNames)];
}
