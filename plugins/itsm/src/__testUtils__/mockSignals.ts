import { SignalApi } from '@backstage/plugin-signals-react';
import { act } from '@testing-library/react';

type Handler = Parameters<SignalApi['subscribe']>[1];
type Message = Parameters<Handler>[0];

/** A signal API the test drives: `publish` delivers a message to a channel's subscribers. */
export function mockSignals() {
  const subscribers = new Map<string, Set<Handler>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      const handler = onMessage as Handler;
      set.add(handler);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(handler) };
    },
  };
  return {
    api,
    /** Channels with at least one subscriber. */
    channels: () =>
      [...subscribers.entries()]
        .filter(([, set]) => set.size > 0)
        .map(([channel]) => channel),
    publish(channel: string, message: Message) {
      act(() => {
        for (const handler of subscribers.get(channel) ?? []) {
          handler(message);
        }
      });
    },
  };
}
