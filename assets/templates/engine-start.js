// How a page starts the engine's module, written once: the bundle puts
// this text into the loader (boot.js), the embed (embed.js) and both
// modules of the single-file page.

// Resolves once the browser has painted the page: with its files already
// here, starting the engine in the same task as the app's mount would hold
// the first paint of the draft box until the engine was ready. A frame,
// then a task; at once in a hidden tab, which runs no frames, and after
// 200 ms at most: a cross-origin frame out of view runs none either, yet
// says it is visible.
const whenPainted = () =>
  new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
    document.addEventListener('visibilitychange', resolve, { once: true });
    setTimeout(resolve, 200);
  });

// The engine's start (`prepareStep`: its phrase indexes, then analyses
// that have the browser compile their code, about a hundred ms in all) a
// step per task, so that a keystroke is never held up for all of it; in a
// row in a hidden page, where the browser delays each timer by a second or
// more.
const prepareEngine = async (engine) => {
  for (let step = 0; engine.prepareStep(step); step++) {
    if (document.visibilityState !== 'hidden') await new Promise((resolve) => setTimeout(resolve, 0));
  }
};
