import 'server-only';
import type { ReactNode } from 'react';
import type { DomainEvent } from '../../eventstore';
import type { StoreDefinition } from '../../eventstore/define-store';
import { readyStore } from '../../stores/shared';
import type { HistorySource } from './types';

/** A store's history source: everything but the rendering of a past state comes from its definition. */
export function historySource<S, E extends DomainEvent>(
  definition: StoreDefinition<S, E>,
  renderPast: (state: S) => ReactNode,
  exports?: HistorySource['exports'],
): HistorySource<S, E> {
  return {
    exports,
    definition,
    name: definition.name,
    label: definition.label,
    title: definition.title,
    eventTypes: definition.eventTypes,
    open: () => readyStore(definition),
    describe: (event, before, after, now) => definition.describe(event, before, after, now),
    undoable: definition.undoable && ((event, now) => definition.undoable!(event, now)),
    renderPast,
    timeTravel: true,
  };
}
