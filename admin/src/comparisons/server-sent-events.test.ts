import { describe, expect, it } from 'vitest';
import { parseServerSentEvents } from './server-sent-events.ts';

describe('reading the progress stream', () => {
  it('splits complete events and keeps the unfinished rest for the next chunk', () => {
    const first = parseServerSentEvents(
      'event: progress\ndata: {"householdsDone":1}\n\nevent: progress\ndata: {"house',
    );
    expect(first.events).toEqual([{ event: 'progress', data: '{"householdsDone":1}' }]);
    const second = parseServerSentEvents(`${first.rest}holdsDone":2}\n\n`);
    expect(second.events).toEqual([{ event: 'progress', data: '{"householdsDone":2}' }]);
    expect(second.rest).toBe('');
  });

  it('ignores comments, joins data lines, and reads CRLF streams', () => {
    const { events } = parseServerSentEvents(': keep-alive\r\n\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
