/**
 * Mutations of a replica page: the same page as another team (or another framework) could have
 * built it. Each takes a parsed replica document and changes it in place, keeping every form
 * control, button and link the same element (so a test can compare what is located before and
 * after by identity). None changes what a person reads as the captions of the page.
 */

export type Mutation = (doc: Document, lang: string) => void;

const CONTROL = 'input:not([type=hidden]),select,textarea';

function controls(doc: Document): HTMLElement[] {
  return Array.from(doc.body.querySelectorAll<HTMLElement>(CONTROL));
}

/** the controls and the clickables, each wrapped in `n` more block elements */
function wrap(n: number): Mutation {
  return (doc) => {
    const targets = Array.from(doc.body.querySelectorAll<HTMLElement>(`${CONTROL},button,a,[role=button],[role=tab]`));
    for (const el of targets) {
      let inner: Element = el;
      for (let i = 0; i < n; i++) {
        const w = doc.createElement(el.closest('p,span,a,button,label') && !el.matches('a,button') ? 'span' : 'div');
        w.className = `wrap-${i} css-${(i * 7919 + inner.tagName.length * 31) % 100000}-Wrapper`;
        inner.replaceWith(w);
        w.append(inner);
        inner = w;
      }
    }
  };
}

/** every id generated anew (as GWT/JSF/React do from build to build), references kept consistent */
const regenerateIds: Mutation = (doc) => {
  const map = new Map<string, string>();
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll('[id]'))) {
    const id = el.id;
    const fresh = `:r${(n++).toString(36)}${id.length}:`;
    map.set(id, fresh);
    el.id = fresh;
  }
  for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
    for (const el of Array.from(doc.querySelectorAll(`[${attr}]`))) {
      el.setAttribute(
        attr,
        el
          .getAttribute(attr)!
          .split(/\s+/)
          .map((x) => map.get(x) ?? x)
          .join(' '),
      );
    }
  }
};

/** `<label for>` beside its control → the label in a block of its own, just above the control */
const labelsAbove: Mutation = (doc) => {
  for (const label of Array.from(doc.querySelectorAll<HTMLLabelElement>('label[for]'))) {
    const control = label.control;
    if (!control || label.contains(control)) continue;
    if (control.matches('input[type=checkbox],input[type=radio]')) continue; // a box's caption stays beside it
    const block = doc.createElement('div');
    block.className = 'form-label-above';
    control.before(block);
    block.append(label);
  }
};

/** every text in capitals, every space doubled */
const upperSpaces: Mutation = (doc) => {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t.parentElement?.closest('script,style')) continue;
    t.nodeValue = (t.nodeValue ?? '').toUpperCase().replace(/ /g, '  ');
  }
  for (const b of Array.from(doc.querySelectorAll<HTMLInputElement>('input[type=submit],input[type=button]')))
    b.value = b.value.toUpperCase().replace(/ /g, '  ');
};

const UNRELATED: Record<string, string> = {
  ru: 'Уважаемые пользователи! 12 апреля с 22:00 до 23:00 возможны перебои. Погода в Астане: солнечно, +21 °C.',
  kk: 'Құрметті қолданушылар! 12 сәуірде 22:00-ден 23:00-ге дейін үзілістер болуы мүмкін. Астанада ауа райы: күн ашық.',
  en: 'Dear users! On 12 April from 22:00 to 23:00 there may be interruptions. Weather in Astana: sunny, +21 °C.',
  uz: 'Hurmatli foydalanuvchilar! 12 aprel kuni 22:00 dan 23:00 gacha uzilishlar bo‘lishi mumkin. Toshkentda ob-havo: quyoshli.',
};

/** notices and news that name nothing of the procedure, at the top, the bottom and before each form */
const unrelatedText: Mutation = (doc, lang) => {
  const text = UNRELATED[lang] ?? UNRELATED.ru!;
  const note = () => {
    const p = doc.createElement('p');
    p.className = 'news-note';
    p.textContent = text;
    return p;
  };
  doc.body.prepend(note());
  doc.body.append(note());
  for (const f of Array.from(doc.querySelectorAll('form'))) f.before(note());
};

/** the caption of a control as a person reads it in its `<label>` (for or wrapping) */
function labelText(label: HTMLLabelElement, control: Element): string {
  let s = '';
  const walker = label.ownerDocument.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!control.contains(t)) s += ` ${t.nodeValue}`;
  return s.replace(/\s+/g, ' ').trim();
}

/** text inputs lose their `<label>`; its words move into an attribute of the input */
function labelOnlyAs(attr: 'placeholder' | 'aria-label'): Mutation {
  return (doc) => {
    for (const label of Array.from(doc.querySelectorAll<HTMLLabelElement>('label'))) {
      const control = label.control;
      if (!control || !control.matches('input:not([type=checkbox]):not([type=radio]):not([type=hidden]),textarea')) continue;
      if (control.hasAttribute(attr)) continue;
      const text = labelText(label, control);
      if (!text) continue;
      control.setAttribute(attr, text);
      if (label.contains(control)) {
        // a wrapping label: keep the control (and any other element), drop the caption's text
        for (const n of Array.from(label.childNodes)) if (n.nodeType === Node.TEXT_NODE) n.remove();
        label.replaceWith(...Array.from(label.childNodes));
      } else {
        label.remove();
      }
    }
  };
}

const namesRemoved: Mutation = (doc) => {
  for (const el of Array.from(doc.querySelectorAll('[name]'))) if (!el.matches('meta,input[type=radio]')) el.removeAttribute('name');
};

/**
 * The places where a page names its controls: labels, the text cell before a control's cell, the
 * text element just before a control. Used to add punctuation and hints beside them.
 */
function captionHolders(doc: Document): Element[] {
  const out = new Set<Element>();
  for (const l of Array.from(doc.querySelectorAll<HTMLLabelElement>('label'))) {
    const c = l.control;
    if (c && !l.contains(c) && !c.matches('input[type=checkbox],input[type=radio]')) out.add(l);
  }
  for (const c of controls(doc)) {
    if (c.matches('input[type=checkbox],input[type=radio]')) continue;
    const cell = c.closest('td');
    const prev = cell?.previousElementSibling;
    if (prev && prev.matches('td,th') && !prev.querySelector(CONTROL) && prev.textContent?.trim()) out.add(prev);
    const sib = c.previousElementSibling;
    if (
      sib &&
      !sib.matches('label') &&
      !sib.querySelector(`${CONTROL},button`) &&
      sib.textContent?.trim() &&
      (sib.textContent?.length ?? 0) < 60
    )
      out.add(sib);
  }
  return [...out];
}

/** captions end with "*:" (required) and stand in quotes-free punctuation: «Пароль» → «Пароль *:» */
const punctuation: Mutation = (doc) => {
  for (const h of captionHolders(doc)) {
    const walker = doc.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    let last: Node | null = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.nodeValue?.trim()) last = t;
    if (last) last.nodeValue = `${last.nodeValue!.replace(/[\s:*]+$/, '')} *:`;
  }
};

const HINT: Record<string, string> = {
  ru: 'Поле обязательно для заполнения, введите значение поля',
  kk: 'Өрісті толтыру міндетті, мәнін енгізіңіз',
  en: 'This field is required, please enter its value',
  uz: 'Maydonni toʻldirish majburiy, qiymatini kiriting',
};

/**
 * A hint beside each caption (`<div>Логин:</div><div>Введите…</div>`), in the caption's own cell
 * or after its label; `glued`: no white space between them, as script-built pages come.
 */
function hint(glued: boolean): Mutation {
  return (doc, lang) => {
    const text = HINT[lang] ?? HINT.ru!;
    for (const h of captionHolders(doc)) {
      const d = doc.createElement('div');
      d.className = 'form-hint';
      d.textContent = text;
      if (h.matches('td,th')) {
        if (!glued) h.append(' ');
        h.append(d);
      } else {
        h.after(d);
        if (!glued) h.after(' ');
      }
    }
  };
}

/** the whole page as a script serialises it: no white space between tags */
const noWhiteSpace: Mutation = (doc) => {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  const drop: Node[] = [];
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t.parentElement?.closest('pre,textarea,script,style')) continue;
    if (!t.nodeValue?.trim()) drop.push(t);
  }
  for (const t of drop) t.parentNode?.removeChild(t);
};

export const MUTATIONS: Record<string, Mutation> = {
  'extra wrappers ×2': wrap(2),
  'extra wrappers ×3': wrap(3),
  'extra wrappers ×4': wrap(4),
  'regenerated ids': regenerateIds,
  'labels moved above': labelsAbove,
  'upper case + doubled spaces': upperSpaces,
  'unrelated text': unrelatedText,
  'label only as placeholder': labelOnlyAs('placeholder'),
  'label only as aria-label': labelOnlyAs('aria-label'),
  'names removed': namesRemoved,
  punctuation,
  'inflected hint beside the label': hint(false),
  'hint glued to the label': hint(true),
  'no white space between tags': noWhiteSpace,
};
