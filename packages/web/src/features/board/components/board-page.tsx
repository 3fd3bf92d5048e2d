import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { type BoardCard, MATTER_TYPE_LABELS, MATTER_TYPES, type MatterType } from '@redress/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { MATTER_TYPE_OPTIONS } from '../../matters/labels';
import { isOneOf } from '../../people/labels';
import { boardQueryKey, useBoard } from '../api/get-board';
import { useMoveMatter } from '../api/move-matter';
import { stageOfCard } from '../move-card';
import { moveButtonSelector } from './board-card';
import { BoardColumn } from './board-column';

const routeApi = getRouteApi('/signed-in/board/$type');

/** Waits (briefly) for the card to be drawn in its new column, then focuses its Move button. */
const focusMoveButton = (matterId: string, stage: string, triesLeft = 40): void => {
  const button = document.querySelector<HTMLElement>(moveButtonSelector(matterId));
  const column = button?.closest<HTMLElement>('[data-stage]');
  if (button && column?.dataset.stage === stage) {
    button.focus();
    return;
  }
  if (triesLeft > 0) window.setTimeout(() => focusMoveButton(matterId, stage, triesLeft - 1), 25);
};

export function BoardPage() {
  const { type } = routeApi.useParams();
  const matterType: MatterType = isOneOf(MATTER_TYPES, type) ? type : 'state_commutation';
  usePageTitle(`Board: ${MATTER_TYPE_LABELS[matterType]}`);
  return <Board key={matterType} type={matterType} />;
}

function Board({ type }: { type: MatterType }) {
  const navigate = routeApi.useNavigate();
  const queryClient = useQueryClient();
  const board = useBoard(type);
  const moveMutation = useMoveMatter(type);
  const [chosenType, setChosenType] = useState<MatterType>(type);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const stages = board.data?.columns.filter((column) => column.isInPipeline).map((column) => column.stage) ?? [];

  const move = (card: Pick<BoardCard, 'matterId' | 'title'>, toStage: string, isKeyboard: boolean) => {
    const current = board.data ? stageOfCard(board.data, card.matterId) : undefined;
    if (!current || current === toStage) return;
    setAnnouncement(`Moving ${card.title} to ${toStage}…`);
    moveMutation.mutate(
      { matterId: card.matterId, stage: toStage },
      {
        onSuccess: () => setAnnouncement(`${card.title} moved from ${current} to ${toStage}.`),
        onError: (error) =>
          setAnnouncement(`Could not move ${card.title}: ${describeError(error)} It is back in ${current}.`),
      },
    );
    // Focus follows the card to its new column, so a keyboard user can keep moving it.
    if (isKeyboard) focusMoveButton(card.matterId, toStage);
  };

  const dropMatter = (matterId: string, toStage: string) => {
    setDraggingId(null);
    const card = board.data?.columns.flatMap((column) => column.cards).find((c) => c.matterId === matterId);
    if (card) move(card, toStage, false);
  };

  const showBoard = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate({ params: { type: chosenType } });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>Pipeline board: {MATTER_TYPE_LABELS[type]}</Title>
      <form onSubmit={showBoard} noValidate>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label="Matter type"
            data={MATTER_TYPE_OPTIONS}
            value={chosenType}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(MATTER_TYPES, value)) setChosenType(value);
            }}
          />
          <Button type="submit" variant="default">
            Show board
          </Button>
          <Button
            variant="subtle"
            onClick={() => void queryClient.invalidateQueries({ queryKey: boardQueryKey(type) })}
          >
            Refresh
          </Button>
        </Group>
      </form>
      <Text size="sm">
        Drag a card to another column, or use its Move button to choose a stage with the keyboard. Open matters only.
      </Text>
      <Text role="status" aria-live="polite" size="sm" fw={600} data-testid="board-announcement">
        {announcement}
      </Text>
      {board.isPending && <PageLoader label="Loading the board" />}
      {board.isError && <QueryError error={board.error} what="the board" onRetry={() => void board.refetch()} />}
      {board.isSuccess && (
        // A wide board scrolls sideways: the scrolling region takes focus for keyboard scrolling.
        <Group
          component="section"
          aria-label="Board columns"
          tabIndex={0}
          align="flex-start"
          gap="sm"
          wrap="nowrap"
          style={{ overflowX: 'auto', paddingBottom: 8 }}
          data-testid="board"
        >
          {board.data.columns.map((column) => (
            <BoardColumn
              key={column.stage}
              column={column}
              stages={stages}
              draggingId={draggingId}
              onDragStart={setDraggingId}
              onDragEnd={() => setDraggingId(null)}
              onMove={(card, toStage) => move(card, toStage, true)}
              onDropMatter={dropMatter}
            />
          ))}
        </Group>
      )}
    </Stack>
  );
}
