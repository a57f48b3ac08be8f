/**
 * Saves a chart as a PNG without any service: the chart's SVG is copied with every colour and font
 * resolved from the page's styles, drawn on a canvas under the chart's title and above its legend,
 * and downloaded. Nothing is added to the page's styles or scripts (the CSP stays strict).
 */

export interface PngLegendEntry {
  label: string;
  color: string;
}

const styledProperties = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-family', 'font-size', 'font-weight'] as const;

const resolvedCopy = (svg: SVGSVGElement): SVGSVGElement => {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copied = [copy, ...copy.querySelectorAll('*')];
  live.forEach((element, index) => {
    const target = copied[index];
    if (!target) return;
    const style = getComputedStyle(element);
    for (const property of styledProperties) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    target.removeAttribute('class');
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return copy;
};

const loadImage = (url: string): Promise<HTMLImageElement> =>
  new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart image did not load'));
    image.src = url;
  });

const titleBand = 40;
const legendBand = 32;
const padding = 16;

export const saveChartPng = async (container: HTMLElement, file: string, title: string, legend: readonly PngLegendEntry[]): Promise<void> => {
  // The chart's own surface, not the legend's little icons (they are recharts-surface too).
  const svg = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
  if (!svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const page = getComputedStyle(container);
  const copy = resolvedCopy(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const scale = window.devicePixelRatio > 1 ? 2 : 1;
    const canvas = document.createElement('canvas');
    const totalWidth = width + padding * 2;
    const totalHeight = titleBand + height + (legend.length > 0 ? legendBand : 0) + padding;
    canvas.width = totalWidth * scale;
    canvas.height = totalHeight * scale;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(scale, scale);
    context.fillStyle = page.getPropertyValue('--surface').trim() || '#ffffff';
    context.fillRect(0, 0, totalWidth, totalHeight);
    context.fillStyle = page.color;
    context.font = `600 16px ${page.fontFamily}`;
    context.textBaseline = 'middle';
    context.fillText(title, padding, titleBand / 2 + 4);
    context.drawImage(image, padding, titleBand, width, height);
    context.font = `13px ${page.fontFamily}`;
    let x = padding;
    const y = titleBand + height + legendBand / 2;
    for (const entry of legend) {
      context.fillStyle = entry.color;
      context.fillRect(x, y - 6, 12, 12);
      context.fillStyle = page.color;
      context.fillText(entry.label, x + 18, y);
      x += 18 + context.measureText(entry.label).width + 20;
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return;
    const download = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = download;
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(download), 0);
  } finally {
    URL.revokeObjectURL(url);
  }
};
