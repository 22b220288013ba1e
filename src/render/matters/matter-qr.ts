/**
 * The QR code of a 办事指南 (the seed's 二维码办事指南: “手机扫一扫即可轻松获取办事服务信息”): the guide page's absolute
 * address encoded with the `qrcode` package, as a PNG for screens and print and as an SVG for the hall's boards (the
 * matter's name under the code, so a board of many codes stays readable). Error correction M (15 %): a code on a
 * board survives a scratch or glare; the quiet zone is the standard's 4 modules.
 */
import QRCode from 'qrcode';
import { escapeHtml } from '../../core/escape-html.js';

/** A PNG of the code; `scale` pixels per module (8: about 3.5 cm at 600 dpi for a short address). */
export function qrPng(url: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale });
}

/** The code as a data URL (pdfmake's image input). */
export function qrPngDataUrl(url: string, scale = 8): Promise<string> {
  return QRCode.toDataURL(url, { type: 'image/png', errorCorrectionLevel: 'M', margin: 4, scale });
}

/** An SVG of the code with the caption under it (the board's label); vector, so any print size stays sharp. */
export async function qrBoardSvg(url: string, caption: string): Promise<string> {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const margin = 4;
  const side = size + 2 * margin;
  const captionHeight = 8;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (qr.modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side + captionHeight}" shape-rendering="crispEdges">`
    + `<title>${escapeHtml(caption)}</title>`
    + `<rect width="${side}" height="${side + captionHeight}" fill="#fff"/><path fill="#000" d="${path}"/>`
    + `<text x="${side / 2}" y="${side + 4}" font-size="3" text-anchor="middle" font-family="'Noto Sans SC','Microsoft YaHei',sans-serif">${escapeHtml(caption)}</text>`
    + `<text x="${side / 2}" y="${side + 7.5}" font-size="2.2" text-anchor="middle" font-family="'Noto Sans SC','Microsoft YaHei',sans-serif">扫码查看办事指南</text>`
    + '</svg>';
}
