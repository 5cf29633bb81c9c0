import { Empty, Input, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { KindTag } from '../../components/KindTag';
import { useI18n } from '../../i18n';
import type { OrgIndex } from '../../orgs/OrgIndex';
import { HighlightedName } from './HighlightedName';
import { filterTree, type OrgTreeNode } from './treeData';

interface Props {
  index: OrgIndex;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function toTreeData(nodes: OrgTreeNode[], query: string): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span className="org-tree-title">
        <HighlightedName name={node.org.name} query={query} />
        <KindTag kind={node.org.kind} />
      </span>
    ),
    children: toTreeData(node.children, query),
  }));
}

/** Organisation tree with name search (filters to matches and expands to them). */
export function OrgTree({ index, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const filtered = useMemo(() => filterTree(index, query), [index, query]);
  const treeData = useMemo(() => toTreeData(filtered.nodes, query), [filtered, query]);
  const searching = query.trim() !== '';

  const [expanded, setExpanded] = useState<string[]>(() => [
    ...index.roots.map((root) => root.id),
    ...(selectedId ? index.ancestors(selectedId).map((org) => org.id) : []),
  ]);

  // While searching, open the path to every match; the user may still toggle nodes.
  useEffect(() => {
    if (searching) setExpanded(filtered.expandIds);
  }, [searching, filtered]);

  return (
    <div className="org-tree">
      <Input.Search
        allowClear
        placeholder={t('work.orgs.searchPlaceholder')}
        aria-label={t('work.orgs.searchPlaceholder')}
        onSearch={setQuery}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="org-search"
      />
      {searching && (
        <Typography.Text type="secondary" className="org-tree-count" role="status">
          {filtered.matchIds.length > 0
            ? t('work.orgs.matchCount', { count: filtered.matchIds.length })
            : t('work.orgs.noMatch')}
        </Typography.Text>
      )}
      {treeData.length === 0 ? (
        <Empty description={searching ? t('work.orgs.noMatch') : t('common.empty')} />
      ) : (
        <div className="org-tree-scroll">
          <Tree
            blockNode
            showLine
            treeData={treeData}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => {
              const [key] = keys;
              if (key !== undefined) onSelect(String(key));
            }}
          />
        </div>
      )}
    </div>
  );
}
