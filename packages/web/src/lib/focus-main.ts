export const MAIN_CONTENT_ID = 'main-content';

/**
 * Moves focus to the page's main region once it has rendered. Used after a transition that removes the
 * focused control (signing in), where focus would otherwise fall back to the document body.
 */
export const focusMainContent = (framesLeft = 30): void => {
  const main = document.getElementById(MAIN_CONTENT_ID);
  if (main) {
    main.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusMainContent(framesLeft - 1));
};
