/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-editor"

#include "config.h"

#include "pn-policy-editor-private.h"

#include "pn-case-dialog.h"
#include "pn-draft.h"
#include "pn-engine.h"
#include "pn-gui-util.h"

#include <glib/gi18n.h>
#include <string.h>

/* Save as Case: the main window's client evaluated against the corpus
 * with this document in it (as it would be imported), and for each of
 * the document's listed benefits what it gives, with the sentence of its
 * article that holds its figure. */

static char *
case_name (PnDocument *document,
           PnProfile  *profile,
           const char *as_of)
{
  const char *client = pn_profile_get_name (profile);
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *name = NULL;

  /* "client-a-2026-12-06" from a Latin name; "case-2026-12-06" else */
  for (const char *p = client; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0 || base->len > 60)
    g_string_assign (base, "case");
  g_string_append_printf (base, "-%s", as_of);

  name = g_strdup (base->str);
  for (guint n = 2; pn_document_find_case (document, name) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base->str, n);
    }
  return g_steal_pointer (&name);
}

static PnBenefit *
working_benefit (PnDocument *document,
                 const char *id)
{
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          if (g_strcmp0 (benefit->id, id) == 0)
            return benefit;
        }
    }
  return NULL;
}

static void
show_message (PnPolicyEditor *self,
              const char     *heading,
              const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
case_saved_cb (PnPolicyEditor *self)
{
  /* listed under Document Details */
  pn_document_form_refresh (self->document_form);
  pn_policy_editor_add_toast (self, _("Case saved with the draft"));
}

void
pn_policy_editor_save_case (PnPolicyEditor *self)
{
  PnApplication *application = pn_policy_editor_get_application (self);
  PnDocument *checked = pn_editor_document_get_checked (self->document);
  PnDocument *document = pn_editor_document_get_document (self->document);
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(PnResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  PnProfile *profile;
  PnCase *pcase;
  GtkWidget *dialog;

  g_return_if_fail (PN_IS_POLICY_EDITOR (self));

  if (application == NULL || checked == NULL || pn_application_get_corpus (application) == NULL)
    return;
  profile = pn_application_get_profile (application);
  if (pn_profile_get_location (profile) == NULL)
    {
      show_message (self, _("No Client to Save"),
                    _("Answer the questions in the main window first: a case is the open client's answers, and it needs a place."));
      return;
    }

  /* the engine, on the corpus as it will be with this document */
  g_ptr_array_add (documents, checked);
  corpus = pn_corpus_new_overlay (pn_application_get_corpus (application), documents, NULL);
  results = pn_engine_evaluate (corpus, profile, &error);
  if (results == NULL)
    {
      show_message (self, _("Cannot Work Out the Case"), error->message);
      return;
    }

  as_of = pn_profile_dup_effective_as_of (profile);
  pcase = pn_case_new (document);
  pcase->name = case_name (document, profile, as_of);
  pcase->as_of = g_strdup (as_of);
  pcase->location = g_strdup (pn_profile_get_location (profile));
  for (PnQuestion q = 0; q < PN_N_QUESTIONS; q++)
    pcase->answers[q] = g_strdup (pn_profile_get_answer (profile, q));
  for (PnFigure f = 0; f < PN_N_FIGURES; f++)
    {
      gint64 yuan = pn_profile_get_figure (profile, f);

      pcase->figures[f] = yuan >= 0 ? yuan : PN_YUAN_UNSET;
    }

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      PnCaseExpectation *expectation;
      PnBenefit *benefit;

      if (result->benefit->document == NULL || g_strcmp0 (result->benefit->document->id, checked->id) != 0)
        continue;
      benefit = working_benefit (document, result->benefit->id);
      if (benefit == NULL)
        continue;

      expectation = pn_case_add_expectation (pcase);
      expectation->benefit_id = g_strdup (benefit->id);
      expectation->counted_cny = result->counted && result->estimate_cny != PN_YUAN_UNSET ? result->estimate_cny : 0;
      expectation->has_match = TRUE;
      expectation->match = result->match;
      expectation->has_status = TRUE;
      expectation->status = result->status;
      if (!result->counted)
        {
          expectation->estimate_cny = result->estimate_cny;
          if (result->not_counted != PN_NOT_COUNTED_NONE)
            expectation->reason = g_strdup (pn_not_counted_to_string (result->not_counted));
        }
      expectation->quote = pn_editor_document_dup_quote (self->document, benefit);
    }

  if (pcase->expectations->len == 0)
    {
      pn_case_free (pcase);
      show_message (self, _("Nothing to Save"),
                    _("None of this document's measures is listed for the open client: a case must expect something. Change the client's answers, or the document's conditions."));
      return;
    }

  dialog = pn_case_dialog_new (GTK_WINDOW (self), self->document, pcase);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (case_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
