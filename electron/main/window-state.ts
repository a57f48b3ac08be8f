import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

export const defaultSize = { width: 1200, height: 800 };
export const minimumSize = { width: 800, height: 560 };
/** How much of the window must lie on a screen for the saved place to be used again. */
const visibleEnough = 120;

const savedState = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
  maximized: z.boolean(),
});

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * The window's size and place from last time, if it still fits the screens there are now (a
 * laptop unplugged from its second monitor must not open its window off-screen).
 */
export const restoreWindowState = (saved: unknown, workAreas: readonly Rectangle[]): WindowState => {
  const parsed = savedState.safeParse(saved);
  if (!parsed.success || parsed.data.bounds === null) return { bounds: null, maximized: parsed.success && parsed.data.maximized };
  const { bounds, maximized } = parsed.data;
  const onScreen = workAreas.find((area) => {
    const shared = overlap(bounds, area);
    return shared.width >= visibleEnough && shared.height >= visibleEnough;
  });
  if (onScreen === undefined) return { bounds: null, maximized };
  return {
    bounds: {
      ...bounds,
      width: Math.min(Math.max(bounds.width, minimumSize.width), onScreen.width),
      height: Math.min(Math.max(bounds.height, minimumSize.height), onScreen.height),
    },
    maximized,
  };
};
