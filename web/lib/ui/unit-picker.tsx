import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { UnitKind } from "../../../server/contracts/unit-kinds";
import { texts } from "../i18n";
import { unitNodeQuery, useUnitTree, type PickerItem } from "./use-unit-tree";
import "./unit-picker.css";

const T = texts.units;

export interface UnitPickerProps {
  /** The chosen unit's code ("" for none). */
  value: string;
  onChange: (code: string) => void;
  /** Accessible name of the field, e.g. 管理范围. */
  label: string;
  /** Form field name: a hidden input carries the code, so FormData-based forms keep working. */
  name?: string;
  required?: boolean;
  /** Only these kinds can be chosen (others are shown to reach them, but disabled). */
  kinds?: readonly UnitKind[];
  /** The top of the tree; default the caller's scope. */
  root?: string;
  id?: string;
}

/**
 * A searchable unit tree (WAI-ARIA combobox with a tree popup): type part of a name or a code for
 * hits with their place in the hierarchy, or browse district → subdistrict → community / school.
 * Keyboard: ↑/↓ move, → opens a level (or steps into it), ← closes it (or steps out), Enter
 * chooses, Esc closes. Replaces bare 12-digit code fields, where a typo silently named another unit.
 */
export function UnitPicker({ value, onChange, label, name, required, kinds, root, id }: UnitPickerProps) {
  const base = useId();
  const inputId = id ?? `${base}-input`;
  const listId = `${base}-tree`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const tree = useUnitTree(query, root, open);
  const chosen = useQuery({ ...unitNodeQuery(value), enabled: !!value });
  const chosenLabel = value ? (chosen.data ? `${chosen.data.name}（${value}）` : value) : "";
  const items = tree.items;
  const allowed = (item: PickerItem) => !kinds || kinds.includes(item.kind);

  useEffect(() => {
    setActive((a) => Math.min(a, Math.max(0, items.length - 1)));
  }, [items.length]);
  // A required picker with text typed but nothing chosen must not pass the form's own check.
  useEffect(() => {
    input.current?.setCustomValidity(required && !value ? T.placeholder : "");
  }, [required, value]);

  const choose = (item: PickerItem) => {
    if (!allowed(item)) return;
    onChange(item.code);
    setQuery("");
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const item = items[active];
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(items.length - 1, a + 1));
        break;
      case "ArrowUp":
        e.preventDefault();
        setActive((a) => Math.max(0, a - 1));
        break;
      case "ArrowRight":
        if (!open || !item || item.expanded === null) return;
        e.preventDefault();
        if (!item.expanded) tree.toggle(item.code, true);
        else if (items[active + 1]?.parent === item.code) setActive(active + 1);
        break;
      case "ArrowLeft":
        if (!open || !item || tree.searching) return;
        e.preventDefault();
        if (item.expanded) tree.toggle(item.code, false);
        else if (item.parent) setActive(items.findIndex((i) => i.code === item.parent));
        break;
      case "Enter":
        if (!open) return;
        e.preventDefault();
        if (item) choose(item);
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setQuery("");
        }
        break;
    }
  };

  const activeId = open && items[active] ? `${base}-item-${active}` : undefined;
  return (
    <span className="unit-picker">
      <input
        ref={input}
        id={inputId}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-haspopup="tree"
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        placeholder={T.placeholder}
        value={open ? query : chosenLabel}
        required={required}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery("");
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        data-code={value}
      />
      {name && <input type="hidden" name={name} value={value} />}
      {open && (
        // Mouse down inside the popup must not blur the field (which closes it) before the click.
        // A click must not reach a <label> around the picker either: the label would hand it to
        // the field, which opens the popup again right after a choice.
        // biome-ignore lint/a11y/noStaticElementInteractions: only keeps focus and clicks in the field; the keyboard works there
        // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's onKeyDown is the keyboard path
        <div className="unit-picker__popup" onMouseDown={(e) => e.preventDefault()} onClick={(e) => e.preventDefault()}>
          <div role="tree" id={listId} aria-label={label} className="unit-picker__tree">
            {items.map((item, i) => (
              // Focus stays in the combobox (aria-activedescendant), whose keys choose and open items.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's onKeyDown is the keyboard path
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox (aria-activedescendant)
              <div
                key={item.code}
                id={`${base}-item-${i}`}
                role="treeitem"
                aria-level={item.level}
                aria-expanded={item.expanded ?? undefined}
                aria-selected={item.code === value}
                aria-disabled={allowed(item) ? undefined : true}
                data-code={item.code}
                className={`unit-picker__item${i === active ? " is-active" : ""}${allowed(item) ? "" : " is-disabled"}`}
                style={{ paddingLeft: `${(item.level - 1) * 1.1 + 0.4}em` }}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(item)}
              >
                <span
                  className="unit-picker__twisty"
                  aria-hidden="true"
                  onClick={(e) => {
                    if (item.expanded === null) return;
                    e.stopPropagation();
                    tree.toggle(item.code, !item.expanded);
                  }}
                >
                  {item.expanded === null ? "" : item.expanded ? "▾" : "▸"}
                </span>
                <span className="unit-picker__name">{item.name}</span>
                <span className="unit-picker__meta">
                  {texts.common.unitKinds[item.kind]} · {item.code}
                  {item.path ? ` · ${item.path}` : ""}
                </span>
              </div>
            ))}
          </div>
          <p className="unit-picker__status" role="status">
            {tree.failed
              ? T.loadFailed
              : tree.loading
                ? T.searching
                : tree.searching && items.length === 0
                  ? T.noHits(query.trim())
                  : tree.truncated
                    ? T.more
                    : kinds
                      ? T.notAllowed(kinds.map((k) => texts.common.unitKinds[k]).join("、"))
                      : T.hint}
          </p>
        </div>
      )}
    </span>
  );
}
