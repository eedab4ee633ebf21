import { describe, expect, it } from 'vitest';
import { BIG_CONTAINER, readPageText } from '../../content-scripts/page-text';

/** content-scripts/page-text.ts: captions in attributes are found by the same walk as the text */
describe('readPageText: captions in attributes', () => {
  it('in document order, after the text; also inside a skipped subtree (a select, an icon); never inside a data grid', () => {
    document.body.innerHTML = `
      <h1>Вход</h1>
      <input placeholder="ИИН">
      <div hidden><button aria-label="Скрытая"></button></div>
      <select aria-label="Язык"><option>RU</option></select>
      <div id="grid"></div>
      <input type="submit" value="Войти">`;
    const grid = document.getElementById('grid')!;
    for (let i = 0; i <= BIG_CONTAINER; i++) grid.insertAdjacentHTML('beforeend', `<div><button title="Строка ${i}"></button></div>`);
    const t = readPageText();
    expect(t.chunks.map((c) => c.text)).toEqual(['вход', 'иин', 'скрытая', 'язык', 'войти']);
    expect(t.joined).toBe('вход | иин | скрытая | язык | войти');
    expect(t.chunkAt(t.joined.indexOf('язык'))?.el.localName).toBe('select');
  });
});
