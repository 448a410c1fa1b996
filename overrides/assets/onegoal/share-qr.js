/* OneGoal: the QR code of a shared link, drawn on the reader's phone by the vendored encoder
 * (vendor/lean-qr.js, pinned). A module, loaded by share.js only when she asks to show her
 * ticks: browsers too old for modules skip it, and share.js then offers the link alone.
 */
import { correction, generate } from "./vendor/lean-qr.js";

/* Level M at least (15 % of the code may be unreadable, as on a scratched or glaring
   screen); the encoder takes a higher level where it fits in the same size. A quiet zone
   of 4 modules, as ISO/IEC 18004 asks, in plain black on white. */
function draw(canvas, text) {
  generate(text, { minCorrectionLevel: correction.M }).toCanvas(canvas, {
    on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 4
  });
}

window.onegoalQr = draw;
document.dispatchEvent(new CustomEvent("onegoal:qr"));
