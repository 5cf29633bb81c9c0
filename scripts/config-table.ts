/** Prints the README's configuration table from the one config declaration. */
import { variables } from '../src/server/kernel/config';
import { fileVariables } from '../src/server/kernel/files/settings';
import { notifyVariableSpecs } from '../src/server/kernel/notify/config';

export function configTable(): string {
  const lines = ['| variable | default | meaning | sensitive |', '|---|---|---|---|'];
  for (const v of [...variables, ...notifyVariableSpecs, ...fileVariables]) lines.push(`| \`${v.name}\` | ${v.default} | ${v.meaning} | ${v.sensitive ? 'yes' : 'no'} |`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('config-table.ts')) process.stdout.write(configTable() + '\n');
