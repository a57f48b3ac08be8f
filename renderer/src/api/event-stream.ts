type Listener = (event: string, payload: unknown) => void;

const retryDelaysMs = [500, 1000, 2000, 5000];

/**
 * Browser mode's event channel: a server-sent event stream read with fetch, so the session token
 * travels in a header (EventSource cannot send one). Reconnects by itself; `onReconnect` lets the
 * app refresh whatever it may have missed.
 */
export const openEventStream = (token: string, onEvent: Listener, onReconnect: () => void): void => {
  let attempt = 0;
  const connect = async (): Promise<void> => {
    try {
      const response = await fetch('/events', { headers: { 'x-regulars-token': token } });
      if (!response.ok || response.body === null) throw new Error(`event stream: ${response.status}`);
      if (attempt > 0) onReconnect();
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          dispatch(buffer.slice(0, boundary), onEvent);
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The host stopped or restarted; try again below.
    }
    attempt += 1;
    setTimeout(() => void connect(), retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1]);
  };
  void connect();
};

const dispatch = (frame: string, onEvent: Listener): void => {
  let event = '';
  let data = '';
  for (const line of frame.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  if (event === '' || data === '') return;
  try {
    onEvent(event, JSON.parse(data));
  } catch {
    // A malformed frame is dropped; the next data change refreshes the views anyway.
  }
};
