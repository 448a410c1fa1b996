/* The theme's storage helpers, from a file rather than inline (a strict
 * Content-Security-Policy allows no inline script), and made safe: where the browser
 * blocks storage (private modes, cookies blocked), merely reading localStorage throws,
 * and the theme's own page scripts would stop with an error. The site's root is two
 * folders up from this file. Loaded in the page's head, before the theme's script.
 */
/* exported __md_scope, __md_hash, __md_get, __md_set */
var __md_scope = new URL("../../", document.currentScript.src);
var __md_hash = function (text) {
  return Array.prototype.reduce.call(text, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  try {
    return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
  } catch (error) {
    return null;
  }
};
var __md_set = function (key, value, storage, scope) {
  try {
    (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value));
  } catch (error) { /* storage blocked or full: the theme's preference is not kept */ }
};
