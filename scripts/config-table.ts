/** Prints the README's configuration table from the one config declaration. */
import { variables } from '../src/server/kernel/config';

export function configTable(): string {
  const lines = ['| variable | default | meaning | sensitive |', '|---|---|---|---|'];
  for (const v of variables) lines.push(`| \`${v.name}\` | ${v.default} | ${v.meaning} | ${v.sensitive ? 'yes' : 'no'} |`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('config-table.ts')) process.stdout.write(configTable() + '\n');
