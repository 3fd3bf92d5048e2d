import { Button, Group, Menu, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { BoardCard as BoardCardData } from '@redress/core';
import type { DragEvent } from 'react';
import { AnchorLink } from '../../people/anchor-link';

/** Menu.Target sets its own id on the button, so the card's Move button is found by this attribute. */
export const moveButtonSelector = (matterId: string) => `[data-move-for="${CSS.escape(matterId)}"]`;

type BoardCardProps = {
  card: BoardCardData;
  stage: string;
  /** The stages a card can go to (the pipeline, in order). */
  stages: readonly string[];
  isDragging: boolean;
  onDragStart: (matterId: string) => void;
  onDragEnd: () => void;
  onMove: (card: BoardCardData, toStage: string) => void;
};

export const MATTER_DRAG_TYPE = 'application/x-redress-matter';

/** A matter on the board: drag it to another column, or use its "Move" menu from the keyboard. */
export function BoardCard({ card, stage, stages, isDragging, onDragStart, onDragEnd, onMove }: BoardCardProps) {
  const startDrag = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(MATTER_DRAG_TYPE, card.matterId);
    event.dataTransfer.setData('text/plain', card.title);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(card.matterId);
  };
  const index = stages.indexOf(stage);
  const targets = stages.filter((s) => s !== stage);

  return (
    <li
      draggable
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
      data-testid="board-card"
      data-matter-id={card.matterId}
      style={{ listStyle: 'none', opacity: isDragging ? 0.5 : 1, cursor: 'grab' }}
    >
      <Paper withBorder p="xs" shadow="xs">
        <Stack gap={4}>
          <AnchorLink to="/matters/$matterId" params={{ matterId: card.matterId }} fw={600} size="sm">
            {card.title}
          </AnchorLink>
          <Text size="sm">{card.personName}</Text>
          <Text size="xs">
            Opened {card.openedOn}
            {card.teamInitials.length > 0 ? ` · Team: ${card.teamInitials.join(', ')}` : ''}
          </Text>
          <Group justify="flex-end">
            <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
              <Menu.Target>
                <Button size="compact-xs" variant="default" data-move-for={card.matterId}>
                  Move<VisuallyHidden> {card.title}</VisuallyHidden>
                </Button>
              </Menu.Target>
              <Menu.Dropdown aria-label={`Move ${card.title} to`}>
                {index > 0 && stages[index - 1] && (
                  <Menu.Item onClick={() => onMove(card, stages[index - 1] ?? stage)}>
                    Move back to {stages[index - 1]}
                  </Menu.Item>
                )}
                {index >= 0 && index < stages.length - 1 && stages[index + 1] && (
                  <Menu.Item onClick={() => onMove(card, stages[index + 1] ?? stage)}>
                    Move on to {stages[index + 1]}
                  </Menu.Item>
                )}
                {targets
                  .filter((target) => target !== stages[index - 1] && target !== stages[index + 1])
                  .map((target) => (
                    <Menu.Item key={target} onClick={() => onMove(card, target)}>
                      Move to {target}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Stack>
      </Paper>
    </li>
  );
}
