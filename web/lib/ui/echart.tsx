import { useEffect, useRef } from "react";
import { echarts, type EChartsOption } from "./echarts";
import "./echart.css";

/** One ECharts instance bound to a div; options are replaced in place when data changes. */
export default function EChart({ option, height = 320, label }: { option: EChartsOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }} />;
}
