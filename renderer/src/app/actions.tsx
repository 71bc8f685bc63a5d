/**
 * One registry of user actions. Keyboard shortcuts, the buttons that stand
 * for menu items and the command palette (Ctrl+K) all run actions from here,
 * so a shortcut and its button can never disagree. Components register the
 * actions that make sense while they are on screen and drop them on unmount.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Action {
  id: string;
  /** Already translated. */
  label: string;
  /** Such as "Ctrl+K" or "Ctrl+Shift+Z"; Cmd counts as Ctrl. */
  shortcuts?: string[];
  run(): void;
  disabled?: boolean;
  /** Shortcuts normally wait while the user types in a field; palette-style actions do not. */
  inTextFields?: boolean;
}

interface Registry {
  register(actions: Action[]): () => void;
  run(id: string): void;
}

// Two contexts: registering and running never change, so the components that
// register actions are not re-rendered each time another one registers.
const RegistryContext = createContext<Registry | null>(null);
const ActionListContext = createContext<Action[]>([]);

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

export function shortcutOf(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'key'>): string {
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '', key].filter(Boolean).join('+');
}

export function ActionsProvider({ children }: { children: ReactNode }) {
  const registered = useRef(new Map<string, Action>());
  const [version, setVersion] = useState(0);

  const register = useCallback((actions: Action[]) => {
    for (const action of actions) registered.current.set(action.id, action);
    setVersion((v) => v + 1);
    return () => {
      for (const action of actions) if (registered.current.get(action.id) === action) registered.current.delete(action.id);
      setVersion((v) => v + 1);
    };
  }, []);

  const run = useCallback((id: string) => {
    const action = registered.current.get(id);
    if (action && !action.disabled) action.run();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const pressed = shortcutOf(event);
      for (const action of registered.current.values()) {
        if (!action.shortcuts?.includes(pressed) || action.disabled) continue;
        if (isTextField(event.target) && !action.inTextFields) continue;
        event.preventDefault();
        action.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The map lives in a ref; `version` says when it changed.
  const actions = useMemo(() => [...registered.current.values()], [version]);

  // In Electron the application menu lists the same actions, in the interface's language.
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  useEffect(() => window.tematikHost?.onMenuAction(run), [run]);
  useEffect(() => {
    void window.tematikHost?.setMenu({
      language,
      actions: actions.map((a) => ({ id: a.id, label: a.label, enabled: !a.disabled, ...(a.shortcuts?.[0] ? { shortcut: a.shortcuts[0] } : {}) })),
    });
  }, [actions, language]);
  const registry = useMemo(() => ({ register, run }), [register, run]);
  return (
    <RegistryContext.Provider value={registry}>
      <ActionListContext.Provider value={actions}>{children}</ActionListContext.Provider>
    </RegistryContext.Provider>
  );
}

export function useActionRegistry(): Registry {
  const value = useContext(RegistryContext);
  if (!value) throw new Error('useActionRegistry outside ActionsProvider');
  return value;
}

/** Every action registered now, for the command palette. */
export function useActionList(): Action[] {
  return useContext(ActionListContext);
}

/** Registers actions while the calling component is mounted; re-registers when `actions` changes. */
export function useActions(actions: Action[]): void {
  const { register } = useActionRegistry();
  useEffect(() => register(actions), [register, actions]);
}
