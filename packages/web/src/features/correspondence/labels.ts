import type { CorrespondenceBody, CorrespondenceDirection, CorrespondenceState } from '@redress/core';
import type { Tone } from './components/tone-badge';

export const DIRECTION_LABELS: Record<CorrespondenceDirection, string> = {
  in: 'In',
  out: 'Out',
};

export const STATE_LABELS: Record<CorrespondenceState, string> = {
  draft: 'Draft',
  ready: 'Ready to print',
  sent: 'Sent',
  returned: 'Returned',
  received: 'Received',
};

export const STATE_TONES: Record<CorrespondenceState, Tone> = {
  draft: 'neutral',
  ready: 'info',
  sent: 'success',
  returned: 'danger',
  received: 'accent',
};

/** The day that dates an entry: sent or received, else the day it was logged. */
export const correspondenceDay = (item: CorrespondenceBody): string =>
  item.sentOn ?? item.receivedOn ?? item.createdAt.slice(0, 10);
