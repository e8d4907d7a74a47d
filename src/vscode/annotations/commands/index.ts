// The tagging commands: tag the selection, change the tag, edit the note, link cited documents, set the review
// status, remove, re-attach an orphan, accept the new text of a changed passage, refresh. They act on the annotation at the cursor or on the view item /
// `{ id, letter }` argument they are given, and say clearly why when they cannot.
import * as vscode from 'vscode';
import { combine } from '../../common/disposable';
import { COMMANDS, registerCommand } from '../../common/commands';
import type { AnnotationsTree } from '../tree/annotations-tree';
import type { AnnotationCommandDeps } from './deps';
import { acceptChangedText } from './accept-changed-text';
import { changeTag, editNote, linkReferences, setStatus } from './edit-annotation';
import { annotationFailureReporter } from './failure';
import { reattachOrphan } from './reattach';
import { removeAnnotation } from './remove';
import { acceptAllSuggestions, acceptSuggestion, rejectAllSuggestions, rejectSuggestion } from './review-suggestions';
import { suggestTagsCommand } from './suggest-tags';
import { tagSelection } from './tag-selection';

export function registerAnnotationCommands(deps: AnnotationCommandDeps, tree: AnnotationsTree): vscode.Disposable {
  const report = annotationFailureReporter(deps.notifier);
  const command = (id: Parameters<typeof registerCommand>[0], run: (deps: AnnotationCommandDeps, arg: unknown) => Promise<unknown>) =>
    registerCommand(id, (arg?: unknown) => run(deps, arg), report);
  return combine(
    command(COMMANDS.tagSelection, tagSelection),
    command(COMMANDS.changeTag, changeTag),
    command(COMMANDS.editNote, editNote),
    command(COMMANDS.linkReferences, linkReferences),
    command(COMMANDS.setStatus, setStatus),
    command(COMMANDS.removeAnnotation, removeAnnotation),
    command(COMMANDS.reattachOrphan, reattachOrphan),
    command(COMMANDS.acceptChangedText, acceptChangedText),
    command(COMMANDS.suggestTags, suggestTagsCommand),
    command(COMMANDS.acceptSuggestion, acceptSuggestion),
    command(COMMANDS.rejectSuggestion, rejectSuggestion),
    command(COMMANDS.acceptAllSuggestions, acceptAllSuggestions),
    command(COMMANDS.rejectAllSuggestions, rejectAllSuggestions),
    command(COMMANDS.refreshAnnotations, async () => {
      await deps.stores.refresh();
      tree.refresh();
    }),
  );
}
