import { describe, expect, it } from 'vitest';
import { fit, norm } from '../../lib/text';

describe('norm', () => {
  it('folds the ESF wizard caption in both spellings', () => {
    expect(norm('2 - қадам-тіркеу деректері')).toBe('2-қадам-тіркеу деректері');
    expect(norm('2-ҚАДАМ – тіркеу  деректері:')).toBe('2-қадам-тіркеу деректері');
    expect(norm('Шаг 2 — Регистрационные данные')).toBe('шаг 2-регистрационные данные');
  });
  it('treats ё as е and drops quotes and label marks', () => {
    expect(norm('«Учётная запись» *')).toBe('учетная запись');
  });
  it('writes the Uzbek oʻ and gʻ one way, whichever apostrophe the keyboard gave', () => {
    const forms = ['Roʻyxatdan oʻtish', 'Ro‘yxatdan o‘tish', 'Roʼyxatdan oʼtish', 'Ro’yxatdan o’tish', "Ro'yxatdan o'tish"];
    for (const f of forms) expect(norm(f), f).toBe('royxatdan otish');
    expect(fit(norm('Yuridik shaxsni ro‘yxatdan o‘tkazish'), norm('Yuridik shaxsni roʻyxatdan oʻtkazish'))).toBe(3);
  });
});

describe('fit', () => {
  it('short captions must be the whole text', () => {
    expect(fit('ип', 'ип')).toBe(3);
    expect(fit('(ип)', 'ип')).toBe(3);
    expect(fit('ипотека', 'ип')).toBe(0);
    expect(fit('дата', 'да')).toBe(0);
  });
  it('longer words may start or stand inside the text', () => {
    expect(fit('пароль', 'пароль')).toBe(3);
    expect(fit('пароль для входа', 'пароль')).toBe(2);
    expect(fit('новый пароль', 'пароль')).toBe(1);
    expect(fit('заңды тұлғаларға', 'заңды тұлға')).toBe(0); // a link «to legal entities», not the tab
    expect(fit('повторите пароль', 'повтор*')).toBe(2);
    expect(fit('подтверждение пароля', 'пароль')).toBe(0); // «пароля»: another case ending
  });
});
