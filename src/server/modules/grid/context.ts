import type { Kernel } from '../../kernel/module';
import type { GridService } from './locator';
import type { GridDb } from './tables';

/** What the grid services work with: the module's tables, the kernel, and this copy's lookup index. */
export interface GridContext {
  db: GridDb;
  kernel: Kernel;
  locator: GridService;
}

/** This copy sees its own change at once; if rebuilding fails now, the next lookup retries. */
export async function reloadAfterChange(ctx: GridContext): Promise<void> {
  await ctx.locator.reload().catch((error: unknown) => ctx.kernel.log.warn({ err: error }, 'grid index: reload after a change failed; the next lookup retries'));
}
