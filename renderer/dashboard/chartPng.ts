/**
 * A chart as a PNG: the recharts SVG is serialised with the page's font named on it, drawn onto a white
 * canvas at twice the screen size (sharp in Word and on paper), and returned as base64 without the prefix.
 */
const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";

export async function chartPng(container: HTMLElement, title: string): Promise<string> {
  const svg = container.querySelector('svg.recharts-surface');
  if (!svg) throw new Error(`“${title}”还没有画出图表，无法保存图片`);
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('style', `font-family: ${FONT}; font-size: 12px; background: #fff`);
  const titleHeight = 36;
  const scale = 2;
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error(`“${title}”转换为图片失败`));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight) * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height + titleHeight);
  ctx.fillStyle = '#222';
  ctx.font = `bold 16px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(title, width / 2, 24);
  ctx.drawImage(img, 0, titleHeight, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
