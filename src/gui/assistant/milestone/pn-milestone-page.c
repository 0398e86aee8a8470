/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-milestone-page"

#include "config.h"

#include "pn-milestone-page.h"

#include "pn-engine.h"

#include "assistant/pn-choice-group.h"

#include <glib/gi18n.h>

struct _PnMilestonePage
{
  PnPage         parent_instance;

  /* Template children */
  GtkLabel      *hint_label;
  PnChoiceGroup *phase_group;
  PnChoiceGroup *rank_group;
};

G_DEFINE_FINAL_TYPE (PnMilestonePage, pn_milestone_page, PN_TYPE_PAGE)

/* The milestones some measure of the place rewards for the answers so far,
 * in vocabulary order: a device never sees "Phase II", an innovative drug
 * never the generic consistency evaluation. */
static void
add_phases (GHashTable *seen,
            PnBenefit  *benefit)
{
  const PnCondition *phase = pn_benefit_find_condition (benefit, PN_QUESTION_PHASE);

  for (guint i = 0; phase != NULL && phase->values != NULL && phase->values[i] != NULL; i++)
    g_hash_table_add (seen, phase->values[i]);
  for (guint i = 0; phase != NULL && phase->review != NULL && phase->review[i] != NULL; i++)
    g_hash_table_add (seen, phase->review[i]);
}

static GStrv
pn_milestone_page_relevant_phases (PnMilestonePage *self)
{
  PnCorpus *corpus = pn_page_get_corpus (PN_PAGE (self));
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *location = pn_profile_get_location (profile);
  GPtrArray *terms;

  if (location != NULL)
    {
      /* The measures the answers so far leave possible, whatever the
       * milestone: the engine lists them for the answers without the
       * milestone and rank (the product they imply kept). */
      g_autoptr(PnProfile) answers = pn_profile_copy (profile);
      g_autoptr(PnResults) results = NULL;

      pn_profile_set_answer (answers, PN_QUESTION_PRODUCT,
                             pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT));
      pn_profile_set_answer (answers, PN_QUESTION_PHASE, NULL);
      pn_profile_set_answer (answers, PN_QUESTION_RANK, NULL);
      results = pn_engine_evaluate (corpus, answers, &error);
      for (guint i = 0; results != NULL && i < pn_results_get_n_results (results); i++)
        add_phases (seen, pn_results_get_benefit (results, i));
    }
  else
    {
      g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, &error);

      for (guint d = 0; documents != NULL && d < documents->len; d++)
        {
          PnDocument *document = g_ptr_array_index (documents, d);

          if (!pn_corpus_load_whole (corpus, document, &error))
            break;
          for (guint a = 0; a < document->articles->len; a++)
            {
              PnArticle *article = g_ptr_array_index (document->articles, a);

              for (guint b = 0; b < article->benefits->len; b++)
                add_phases (seen, g_ptr_array_index (article->benefits, b));
            }
        }
    }
  if (error != NULL)
    g_debug ("milestones: %s", error->message);

  terms = pn_taxonomy_get_terms (pn_corpus_get_taxonomy (corpus), "phase");
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (g_hash_table_contains (seen, term->id))
        g_strv_builder_add (builder, term->id);
    }

  return g_strv_builder_end (builder);
}

/* The taxonomy names each milestone by what was completed; a founder
 * thinks of the stage being entered.  Both, in the UI language. */
static const struct {
  const char *id;
  const char *label;
} phase_labels[] = {
  { "preclinical", N_("Preclinical research completed (entering clinical trials)") },
  { "phase-1", N_("Phase I completed (entering Phase II)") },
  { "phase-2", N_("Phase II completed (entering Phase III)") },
  { "phase-3", N_("Phase III completed (applying for approval)") },
};

static void
pn_milestone_page_label_phases (PnMilestonePage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_labels); i++)
    {
      AdwActionRow *row = pn_choice_group_get_row (self->phase_group, phase_labels[i].id);
      GtkWidget *check;

      if (row == NULL)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(phase_labels[i].label));
      check = adw_action_row_get_activatable_widget (row);
      if (check != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(phase_labels[i].label),
                                        -1);
    }
}

static void
pn_milestone_page_update (PnPage *page)
{
  PnMilestonePage *self = PN_MILESTONE_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);
  g_auto(GStrv) phases = NULL;
  const char *phase;
  gboolean needs_rank;

  if (profile == NULL || pn_page_get_corpus (page) == NULL)
    {
      pn_page_set_applies (page, FALSE);
      pn_page_set_complete (page, FALSE);
      return;
    }

  phases = pn_milestone_page_relevant_phases (self);
  pn_milestone_page_label_phases (self);
  /* a device or a health product has no clinical phases here: its
   * milestones are a certificate, first sales, approval abroad */
  if (g_strcmp0 (pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT), "drug") != 0)
    gtk_label_set_text (self->hint_label,
                        _("Most awards are paid once a milestone is reached. Choose the last one reached: "
                          "a product whose registration certificate was issued is registered, even before "
                          "its first sales."));
  else
    gtk_label_set_text (self->hint_label,
                        _("Most awards are paid once a stage is completed. Choose the last one completed: "
                          "a project entering Phase II has completed Phase I."));
  pn_choice_group_set_visible_ids (self->phase_group, (const char * const *) phases);

  phase = pn_profile_get_answer (profile, PN_QUESTION_PHASE);
  needs_rank = g_strcmp0 (phase, "consistency-evaluation") == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->rank_group), needs_rank);

  pn_page_set_applies (page,
                       pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT) != NULL &&
                       phases[0] != NULL);
  pn_page_set_complete (page,
                        phase != NULL &&
                        pn_choice_group_has_visible (self->phase_group, phase) &&
                        (!needs_rank || pn_profile_get_answer (profile, PN_QUESTION_RANK) != NULL));
}

static void
pn_milestone_page_class_init (PnMilestonePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  page_class->update = pn_milestone_page_update;

  g_type_ensure (PN_TYPE_CHOICE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-milestone-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnMilestonePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PnMilestonePage, phase_group);
  gtk_widget_class_bind_template_child (widget_class, PnMilestonePage, rank_group);
}

static void
pn_milestone_page_init (PnMilestonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The group makes its rows anew for a corpus, in the taxonomy's words
   * and all shown: the page words and filters them again.  A window made
   * on a client already open hands the page its corpus before the group
   * (GObject holds the binding's notification until the page is built),
   * and the page stayed greyed out with the rows as made. */
  g_signal_connect_object (self->phase_group, "notify::corpus",
                           G_CALLBACK (pn_page_update), self, G_CONNECT_SWAPPED);

  pn_page_set_keys (PN_PAGE (self), (const char * const []) { "phase", "rank", NULL });
}
