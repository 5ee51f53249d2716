import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** On a card, the field takes the whole width (a list of members, of skills). */
  wide?: boolean;
}

/** Mantine's `sm` breakpoint: below it a table would cut off the columns that matter. */
export const WIDE_QUERY = '(min-width: 48em)';

/** True on screens wide enough for a table (read at once, so a desktop never flashes cards). */
export function useWide(): boolean {
  return useMediaQuery(WIDE_QUERY, false, { getInitialValueInEffect: false });
}

/**
 * A list of records: a table on wide screens, a card per record on a phone, where a table would
 * have to scroll sideways and hide its last columns (free places, actions). The first column
 * names the record (the row's header cell, the card's title); `actions` go last in both.
 */
export function DataList<T>({
  rows,
  rowKey,
  columns,
  actions,
  actionsHeader,
  caption,
  testId,
  rowTestId,
  minWidth,
}: {
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  actions?: (row: T) => ReactNode;
  actionsHeader?: string;
  /** Said above the list (a count, for instance). */
  caption?: string;
  testId?: string;
  rowTestId?: string;
  /** A wide table narrower than this scrolls sideways in a focusable region named by `caption`. */
  minWidth?: number;
}) {
  const wide = useWide();
  const [first, ...rest] = columns;

  if (!wide) {
    return (
      <Stack gap="sm" data-testid={testId}>
        {caption && (
          <Text size="sm" c="dimmed">
            {caption}
          </Text>
        )}
        <Stack component="ul" gap="sm" className="plain-list">
          {rows.map((row) => (
            <Card component="li" withBorder padding="md" key={rowKey(row)} data-testid={rowTestId}>
              <Stack gap={6}>
                {first && <div className="data-card-title">{first.cell(row)}</div>}
                <dl className="data-card-fields">
                  {rest.map((c) => (
                    <div key={c.key} className={c.wide ? 'data-card-wide' : undefined}>
                      <dt>{c.header}</dt>
                      <dd>{c.cell(row)}</dd>
                    </div>
                  ))}
                </dl>
                {actions && (
                  <Group gap="xs" wrap="wrap" mt={4}>
                    {actions(row)}
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
    );
  }

  const table = (
    <Table striped highlightOnHover verticalSpacing="sm" data-testid={testId}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} scope="col">
              {c.header}
            </Table.Th>
          ))}
          {actions && <Table.Th scope="col">{actionsHeader}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)} data-testid={rowTestId}>
            {first && (
              <Table.Th scope="row" fw={600}>
                {first.cell(row)}
              </Table.Th>
            )}
            {rest.map((c) => (
              <Table.Td key={c.key}>{c.cell(row)}</Table.Td>
            ))}
            {actions && (
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {actions(row)}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (!minWidth) return table;
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{
        // Only text inside: the keyboard must be able to reach the scroll (axe `scrollable-region-focusable`).
        viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption ?? testId },
        classNames: { viewport: 'scroll-region' },
      }}
    >
      {table}
    </Table.ScrollContainer>
  );
}

/** "Show more" under a list that comes page by page (`nextCursor`). */
export function LoadMore({
  hasMore,
  loading,
  onMore,
  label,
}: {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  label: string;
}) {
  if (!hasMore) return null;
  return (
    <Button
      variant="default"
      onClick={onMore}
      loading={loading}
      style={{ alignSelf: 'flex-start' }}
      data-testid="load-more"
    >
      {label}
    </Button>
  );
}
