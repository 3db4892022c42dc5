import { qrPngUrl, qrSvgUrl } from "../api/posters";

/**
 * Downloads a poster's QR code as PNG: the server's PNG where the runtime can make one (Node),
 * else (Workers answer 501 `png_unavailable`, having no canvas) the SVG drawn onto a canvas here.
 * Plain `fetch`, not the typed client: the answers are images (blobs), not JSON.
 */
export async function downloadQrPng(id: string): Promise<void> {
  const res = await fetch(qrPngUrl(id), { credentials: "same-origin" });
  let blob: Blob;
  if (res.ok) blob = await res.blob();
  else if (res.status === 501) blob = await svgToPng(qrSvgUrl(id), 1024);
  else throw new Error(`PNG: HTTP ${res.status}`);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `poster-${id}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function svgToPng(svgUrl: string, size: number): Promise<Blob> {
  const svg = await (await fetch(svgUrl, { credentials: "same-origin" })).blob();
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size, size);
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, size, size);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas toBlob failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
