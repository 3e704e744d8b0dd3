import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('get_forecast', 'get_forecast')).toBe(0);
    expect(editDistance('get_forcast', 'get_forecast')).toBe(1);
    expect(editDistance('get_forecats', 'get_forecast')).toBe(1);
    expect(editDistance('get_frocast', 'get_forecast')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestName', () => {
  const tools = ['get_forecast', 'get_weather', 'add', 'final_answer'];
  it('suggests a tool at most two edits away, or equal ignoring case', () => {
    expect(closestName('get_forcast', tools)).toBe('get_forecast');
    expect(closestName('GET_FORECAST', tools)).toBe('get_forecast');
    expect(closestName('get_wether', tools)).toBe('get_weather');
    expect(closestName('final_answr', tools)).toBe('final_answer');
  });
  it('suggests nothing for far names, short names more than one edit off, or a name that is itself known', () => {
    expect(closestName('fetch_data', tools)).toBeUndefined();
    expect(closestName('xy', tools)).toBeUndefined();
    expect(closestName('ad', tools)).toBe('add');
    expect(closestName('add', tools)).toBeUndefined();
  });
});
