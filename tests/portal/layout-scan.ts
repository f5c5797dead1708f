import type { Page } from 'playwright-core';

/**
 * Layout faults a text scan cannot see, measured in the page: the app bar's title under its buttons (the language
 * switch, the user menu), and Chinese squeezed into a column so narrow that it runs one character per line. Each
 * script is a string: the portal's Content-Security-Policy refuses what Playwright would compile from a function.
 */

/** What of the app bar's title (react-admin's #react-admin-title) a button covers, or null. */
export async function titleOverlap(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const title = document.getElementById('react-admin-title');
    if (!title || !title.textContent.trim()) return null;
    const range = document.createRange();
    range.selectNodeContents(title);
    const text = range.getBoundingClientRect();
    const box = title.getBoundingClientRect();
    const clipped = getComputedStyle(title).overflowX !== 'visible';
    const left = clipped ? Math.max(text.left, box.left) : text.left;
    const right = clipped ? Math.min(text.right, box.right) : text.right;
    const size = parseFloat(getComputedStyle(title).fontSize);
    // A title shorter than three characters ("部门") is whole, not crowded: only a clipped one is.
    const whole = text.right - text.left;
    if (right - left < Math.min(whole - 1, 3 * size)) {
      const beside = [...title.parentElement.children]
        .filter((element) => element !== title)
        .map((element) => element.tagName.toLowerCase() + ' ' + Math.round(element.getBoundingClientRect().width) + 'px')
        .join(', ');
      return 'the title has ' + Math.round(right - left) + 'px in the app bar (beside ' + beside + ')';
    }
    for (const button of document.querySelectorAll('header button, header a')) {
      const r = button.getBoundingClientRect();
      if (r.width > 0 && r.left < right - 1 && r.right > left + 1 && r.top < text.bottom && r.bottom > text.top)
        return 'the title runs under "' + (button.textContent.trim() || button.getAttribute('aria-label') || 'a button') + '"';
    }
    return null;
  })()`);
}

/**
 * Chinese text squeezed into a column: two or more characters in a box narrower than two (one per line), or a longer
 * text (twelve or more characters) in a box of four or fewer, running down more than three lines.
 */
export async function chineseOneCharacterPerLine(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const found = [];
    for (const element of document.querySelectorAll('main *, header *')) {
      if (element.children.length > 0) continue;
      const text = (element.textContent || '').trim();
      if (!/[\\u3400-\\u9fff]{2}/.test(text)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      // The text's own box: a table cell's padding is no room for characters.
      const width = rect.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const height = rect.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const oneAtATime = width < 1.9 * size && height > 2.2 * size;
      const fewAtATime = [...text].length >= 12 && width < 4.5 * size && height > 3.2 * size;
      if (oneAtATime || fewAtATime) found.push(text.slice(0, 12));
    }
    return found.slice(0, 5);
  })()`);
}

/**
 * What makes a page scroll sideways: the innermost elements that reach past the screen's right edge, leaving out
 * those that an ancestor clips or scrolls within its own box.
 */
export async function protrudingElements(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const edge = window.innerWidth + 1;
    const clipped = (element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= edge) return true;
      return false;
    };
    const out = [...document.querySelectorAll('body *')].filter(
      (element) => element.getBoundingClientRect().right > edge && !clipped(element),
    );
    const innermost = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
    return innermost.slice(0, 3).map((element) => {
      const classes = [...element.classList].filter((name) => !name.startsWith('css-')).slice(0, 2).join('.');
      return element.tagName.toLowerCase() + (classes ? '.' + classes : '') + ' "' + (element.textContent || '').trim().slice(0, 24) + '"';
    });
  })()`);
}
