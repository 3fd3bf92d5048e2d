import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { BoardCard as BoardCardData, BoardView } from '@redress/core';
import { type DragEvent, useState } from 'react';
import { BoardCard, MATTER_DRAG_TYPE } from './board-card';

type Column = BoardView['columns'][number];

type BoardColumnProps = {
  column: Column;
  stages: readonly string[];
  draggingId: string | null;
  onDragStart: (matterId: string) => void;
  onDragEnd: () => void;
  onMove: (card: BoardCardData, toStage: string) => void;
  onDropMatter: (matterId: string, toStage: string) => void;
};

const headingId = (stage: string) => `board-column-${stage.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function BoardColumn({
  column,
  stages,
  draggingId,
  onDragStart,
  onDragEnd,
  onMove,
  onDropMatter,
}: BoardColumnProps) {
  const [isOver, setIsOver] = useState(false);
  const canDrop = column.isInPipeline;

  const dragOver = (event: DragEvent<HTMLElement>) => {
    if (!canDrop || !event.dataTransfer.types.includes(MATTER_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setIsOver(true);
  };
  const drop = (event: DragEvent<HTMLElement>) => {
    setIsOver(false);
    if (!canDrop) return;
    const matterId = event.dataTransfer.getData(MATTER_DRAG_TYPE) || draggingId;
    event.preventDefault();
    if (matterId) onDropMatter(matterId, column.stage);
  };

  const id = headingId(column.stage);
  const shown = column.cards.length;
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      p="sm"
      bg={isOver ? 'blue.0' : 'gray.0'}
      style={{
        minWidth: 240,
        maxWidth: 280,
        flex: '0 0 260px',
        outline: isOver ? '2px dashed var(--mantine-color-blue-8)' : undefined,
      }}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={() => setIsOver(false)}
      onDrop={drop}
      data-testid="board-column"
      data-stage={column.stage}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h5" id={id}>
            {column.stage}
            <Text span size="sm" fw={400}>
              {' '}
              ({column.count} {column.count === 1 ? 'matter' : 'matters'})
            </Text>
          </Title>
          {!column.isInPipeline && (
            <Badge color="red" variant="light" size="xs">
              Not on the pipeline
            </Badge>
          )}
        </Group>
        {shown < column.count && (
          <Text size="xs">
            Showing {shown} of {column.count}
          </Text>
        )}
        <Stack component="ul" gap="xs" m={0} p={0} mih={40} aria-labelledby={id}>
          {column.cards.map((card) => (
            <BoardCard
              key={card.matterId}
              card={card}
              stage={column.stage}
              stages={stages}
              isDragging={draggingId === card.matterId}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              onMove={onMove}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
