import QRCode from "qrcode";
import type { QrPng } from "../app-env";

/**
 * PNG QR codes on Node: qrcode's Node build writes PNG with pngjs. Its browser build (what
 * workerd resolves) has no `toBuffer`, so only the Node entry (node.ts) supplies this; without it
 * GET /posters/:id/qr.png answers 501 and the web app renders the PNG from the SVG instead.
 */
export const nodeQrPng: QrPng = async (text, options) => new Uint8Array(await QRCode.toBuffer(text, { type: "png", ...options }));
