import type { CoreEventName, CoreEvents } from '../../shared/contract/events';

export type Listener<E extends CoreEventName> = (payload: CoreEvents[E]) => void;

/** The core's outgoing events; each transport forwards them to the renderer. */
export class EventBus {
  private readonly listeners = new Map<CoreEventName, Set<Listener<CoreEventName>>>();

  on<E extends CoreEventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<CoreEventName>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<CoreEventName>);
  }

  emit<E extends CoreEventName>(event: E, payload: CoreEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
