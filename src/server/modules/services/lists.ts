import type { Guide } from './schemas/guide';
import type { PowerList, ResponsibilityList } from './schemas/public';
import { itemTypeKeys } from './vocab';

/** Powers are listed as main and sub-items (handling items are how one applies, not separate powers). */
const isPower = (g: Guide) => g.type !== 'public_service' && g.tier !== 'handling';

function byDepartment(guides: Guide[]): Array<{ id: string; name: string; guides: Guide[] }> {
  const groups = new Map<string, { id: string; name: string; guides: Guide[] }>();
  for (const g of guides) {
    const group = groups.get(g.department.id) ?? { id: g.department.id, name: g.department.name, guides: [] };
    group.guides.push(g);
    groups.set(g.department.id, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** 权力清单: every published power, by department and then by type (in the order of the 10 types). */
export function powerList(guides: Guide[]): PowerList {
  const powers = guides.filter(isPower);
  return {
    total: powers.length,
    departments: byDepartment(powers).map(({ id, name, guides: list }) => ({
      id,
      name,
      types: itemTypeKeys
        .map((type) => ({
          type,
          items: list
            .filter((g) => g.type === type)
            .map((g) => ({ code: g.code, name: g.name, tier: g.tier, legalBasis: g.legalBasis, implementer: g.implementer.name, level: g.level, version: g.version })),
        }))
        .filter((t) => t.items.length > 0),
    })),
  };
}

/** 责任清单: each published power with its duties per stage and the cases of accountability. */
export function responsibilityList(guides: Guide[]): ResponsibilityList {
  const powers = guides.filter((g) => isPower(g) && g.responsibility);
  return {
    total: powers.length,
    departments: byDepartment(powers).map(({ id, name, guides: list }) => ({
      id,
      name,
      items: list.map((g) => ({ code: g.code, name: g.name, type: g.type, responsibility: g.responsibility! })),
    })),
  };
}
