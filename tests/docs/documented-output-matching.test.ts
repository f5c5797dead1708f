import { describe, expect, it } from 'vitest';
import { findOutputMismatch } from '../support/match-documented-output.ts';

describe('matching an example with the output its docs show', () => {
  it('matches text line by line, … standing for any run of characters', () => {
    expect(
      findOutputMismatch(
        'run …: 206 households in 1 chunks\ncompleted in … s',
        'run 2b0c: 206 households in 1 chunks\ncompleted in 0.2 s\n',
      ),
    ).toBeNull();
    expect(findOutputMismatch('run …: 206 households', 'run 2b0c: 207 households')).not.toBeNull();
  });

  it('compares JSON as JSON, whatever the whitespace', () => {
    expect(findOutputMismatch('{\n  "data": { "a": 1 }\n}', '{"data":{"a":1}}')).toBeNull();
    expect(findOutputMismatch('{ "data": { "a": 1 } }', '{"data":{"a":2}}')).toContain('$.data.a');
  });

  it('lets … stand for a value, a string part, the rest of an array or the other keys of an object', () => {
    const expected = '{ "token": "hat_…", "id": …, "items": [1, …], "more": { "a": 1, … } }';
    expect(findOutputMismatch(expected, '{"token":"hat_x1","id":7,"items":[1,2,3],"more":{"a":1,"b":2}}')).toBeNull();
    expect(findOutputMismatch(expected, '{"token":"x","id":7,"items":[1],"more":{"a":1}}')).toContain('$.token');
    expect(findOutputMismatch(expected, '{"token":"hat_","id":7,"items":[],"more":{"a":1}}')).toContain('$.items');
  });

  it('refuses keys and items the docs do not show unless … allows them', () => {
    expect(findOutputMismatch('{ "a": 1 }', '{"a":1,"b":2}')).toContain('unexpected keys b');
    expect(findOutputMismatch('[1]', '[1,2]')).toContain('expected 1 items');
    expect(findOutputMismatch('{ "a": 1 }', 'not json')).toContain('expected JSON');
  });
});
