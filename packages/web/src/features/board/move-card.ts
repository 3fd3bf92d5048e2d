import type { BoardView } from '@redress/core';

/**
 * The board as it will be once a card has moved: out of its column, to the top of the target column,
 * with both counts adjusted. Used for the optimistic update; the server's answer replaces it.
 */
export const moveCard = (board: BoardView, matterId: string, toStage: string): BoardView => {
  const from = board.columns.find((column) => column.cards.some((card) => card.matterId === matterId));
  const card = from?.cards.find((c) => c.matterId === matterId);
  if (!from || !card || from.stage === toStage) return board;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage === from.stage) {
        return {
          ...column,
          count: Math.max(0, column.count - 1),
          cards: column.cards.filter((c) => c.matterId !== matterId),
        };
      }
      if (column.stage === toStage) return { ...column, count: column.count + 1, cards: [card, ...column.cards] };
      return column;
    }),
  };
};

export const stageOfCard = (board: BoardView, matterId: string): string | undefined =>
  board.columns.find((column) => column.cards.some((card) => card.matterId === matterId))?.stage;
