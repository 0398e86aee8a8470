/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-assistant"

#include "config.h"

#include "pn-assistant.h"

#include "assistant/date/pn-date-page.h"
#include "assistant/device/pn-device-page.h"
#include "assistant/drug/pn-drug-page.h"
#include "assistant/figures/pn-figures-page.h"
#include "assistant/location/pn-location-page.h"
#include "assistant/milestone/pn-milestone-page.h"
#include "assistant/pn-choice-group.h"
#include "assistant/product/pn-product-page.h"

#include <glib/gi18n.h>

struct _PnAssistant
{
  GtkWidget   parent_instance;

  PnProfile  *profile;
  PnCorpus   *corpus;
  GPtrArray  *pages;        /* PnPage, in stack order */
  guint       current;
  char       *progress;
  gboolean    can_go_back;
  gboolean    can_go_next;
  gboolean    is_last;

  /* Template children */
  GtkProgressBar *progress_bar;
  GtkStack   *stack;
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CORPUS,
  PROP_TITLE,
  PROP_PROGRESS,
  PROP_NEXT_LABEL,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnAssistant, pn_assistant, GTK_TYPE_WIDGET)

static PnPage *
page_at (PnAssistant *self,
         guint        index)
{
  return g_ptr_array_index (self->pages, index);
}

/* The applicable page before or after the current one, or -1. */
static int
pn_assistant_find_page (PnAssistant *self,
                        int          direction)
{
  for (int i = (int) self->current + direction; i >= 0 && i < (int) self->pages->len; i += direction)
    {
      if (pn_page_get_applies (page_at (self, i)))
        return i;
    }

  return -1;
}

static void
pn_assistant_actions_update (PnAssistant *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PnPage *page = pn_assistant_get_current_page (self);
  gboolean can_go_back = pn_assistant_find_page (self, -1) >= 0;
  gboolean can_go_next = page != NULL && pn_page_get_complete (page);
  gboolean is_last = pn_assistant_find_page (self, +1) < 0;
  g_autofree char *progress = NULL;
  gboolean product_open = self->profile == NULL ||
                          pn_profile_get_effective_answer (self->profile, PN_QUESTION_PRODUCT) == NULL;
  gboolean location_open = self->profile == NULL || pn_profile_get_location (self->profile) == NULL;
  guint position = 0;
  guint total = 0;

  /* The pages that will be shown: those that apply, and, while the kind
   * of product (or the place) is not chosen, the page of its details, the
   * milestone and the figures, which then apply; so that "Step 1 of 6"
   * stays "of 6". */
  for (guint i = 0; i < self->pages->len; i++)
    {
      PnPage *counted = page_at (self, i);
      gboolean expected = pn_page_get_applies (counted) || i == self->current;

      if (!expected && product_open)
        expected = PN_IS_DRUG_PAGE (counted) || PN_IS_MILESTONE_PAGE (counted);
      /* The figures asked depend on the place: none before it is known. */
      if (!expected && (product_open || location_open))
        expected = PN_IS_FIGURES_PAGE (counted);
      if (!expected)
        continue;

      total++;
      if (i <= self->current)
        position++;
    }

  /* Translators: the assistant's progress, "Step 2 of 6" */
  progress = g_strdup_printf (_("Step %u of %u"), position, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) position / total : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress,
                                  -1);

  gtk_widget_action_set_enabled (widget, "assistant.back", can_go_back);
  gtk_widget_action_set_enabled (widget, "assistant.next", can_go_next);
  gtk_widget_action_set_enabled (widget, "assistant.finish", can_go_next);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (progress, self->progress) != 0)
    {
      g_free (self->progress);
      self->progress = g_steal_pointer (&progress);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }

  if (can_go_back != self->can_go_back)
    {
      self->can_go_back = can_go_back;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }

  if (can_go_next != self->can_go_next)
    {
      self->can_go_next = can_go_next;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_NEXT]);
    }

  if (is_last != self->is_last)
    {
      self->is_last = is_last;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_LABEL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
pn_assistant_go_to (PnAssistant *self,
                    guint        index)
{
  PnPage *page;

  g_assert (index < self->pages->len);

  page = page_at (self, index);
  self->current = index;
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));

  pn_assistant_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  pn_page_shown (page);

  /* Keyboard users land on the new page, not on a control of a hidden
   * one; a page may have put the focus somewhere better already. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
        !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
      gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
  }
}

static void
pn_assistant_page_notify_cb (PnAssistant *self,
                             GParamSpec  *pspec,
                             PnPage      *page)
{
  if (g_strcmp0 (g_param_spec_get_name (pspec), "title") == 0)
    {
      if (page == pn_assistant_get_current_page (self))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      return;
    }

  pn_assistant_actions_update (self);
}

static void
pn_assistant_next_action (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter G_GNUC_UNUSED)
{
  pn_assistant_next (PN_ASSISTANT (widget));
}

static void
pn_assistant_back_action (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter G_GNUC_UNUSED)
{
  pn_assistant_back (PN_ASSISTANT (widget));
}

static void
pn_assistant_finish_action (GtkWidget  *widget,
                            const char *action_name G_GNUC_UNUSED,
                            GVariant   *parameter G_GNUC_UNUSED)
{
  PnAssistant *self = PN_ASSISTANT (widget);
  PnPage *page = pn_assistant_get_current_page (self);

  if (page == NULL || !pn_page_get_complete (page) || !pn_page_apply (page))
    return;

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
pn_assistant_dispose (GObject *object)
{
  PnAssistant *self = PN_ASSISTANT (object);
  GtkWidget *child;

  if (self->pages != NULL)
    {
      for (guint i = 0; i < self->pages->len; i++)
        g_signal_handlers_disconnect_by_func (page_at (self, i), pn_assistant_page_notify_cb, self);
      g_clear_pointer (&self->pages, g_ptr_array_unref);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_ASSISTANT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (pn_assistant_parent_class)->dispose (object);
}

static void
pn_assistant_finalize (GObject *object)
{
  PnAssistant *self = PN_ASSISTANT (object);

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (pn_assistant_parent_class)->finalize (object);
}

static void
pn_assistant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PnAssistant *self = PN_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_CORPUS:
      g_value_set_boxed (value, self->corpus);
      break;

    case PROP_TITLE:
      g_value_set_string (value, pn_assistant_get_title (self));
      break;

    case PROP_PROGRESS:
      g_value_set_string (value, pn_assistant_get_progress (self));
      break;

    case PROP_NEXT_LABEL:
      g_value_set_string (value, pn_assistant_get_next_label (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->can_go_back);
      break;

    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, self->can_go_next);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_assistant_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PnAssistant *self = PN_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      pn_assistant_set_profile (self, g_value_get_object (value));
      break;

    case PROP_CORPUS:
      pn_assistant_set_corpus (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The first choice group under `widget` whose question has no answer:
 * the keyboard on its first row.  TRUE when one was found. */
static gboolean
focus_unanswered (PnAssistant *self,
                  GtkWidget   *widget)
{
  if (widget == NULL || !gtk_widget_get_visible (widget))
    return FALSE;
  if (PN_IS_CHOICE_GROUP (widget))
    {
      const char *question = pn_choice_group_get_question (PN_CHOICE_GROUP (widget));
      PnQuestion asked;

      if (self->profile != NULL && question != NULL && pn_question_from_string (question, &asked) &&
          pn_profile_get_answer (self->profile, asked) == NULL)
        return pn_choice_group_focus_first (PN_CHOICE_GROUP (widget));
      return FALSE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (focus_unanswered (self, child))
      return TRUE;
  return FALSE;
}

/* Enter on a choice chooses it and goes on, as in GNOME Initial Setup.
 * A check button (and its row) would take Enter for itself and toggle,
 * before the assistant's Enter shortcut sees it: hence the capture. */
static gboolean
pn_assistant_key_pressed_cb (PnAssistant     *self,
                             guint            keyval,
                             guint            keycode G_GNUC_UNUSED,
                             GdkModifierType  state,
                             GtkEventControllerKey *controller G_GNUC_UNUSED)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;
  GtkWidget *check = NULL;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || gtk_widget_get_ancestor (focus, PN_TYPE_CHOICE_GROUP) == NULL)
    return GDK_EVENT_PROPAGATE;

  if (GTK_IS_CHECK_BUTTON (focus))
    check = focus;
  else if ((row = gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW)) != NULL)
    check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  if (!GTK_IS_CHECK_BUTTON (check))
    return GDK_EVENT_PROPAGATE;

  /* A row the Tab key merely passed, in a question already answered:
   * Enter goes on with the answer given.  It chose the row, and a
   * keyboard user tabbing past "Chemical drug" to the next field turned
   * it into "Biologic" without seeing it.  Space (or a click) changes an
   * answer. */
  {
    PnChoiceGroup *group = PN_CHOICE_GROUP (gtk_widget_get_ancestor (focus, PN_TYPE_CHOICE_GROUP));
    const char *question = pn_choice_group_get_question (group);
    PnProfile *profile = self->profile;
    PnQuestion asked;
    gboolean answered = profile != NULL && question != NULL && pn_question_from_string (question, &asked) &&
                        pn_profile_get_answer (profile, asked) != NULL;

    if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) && !answered)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  }
  if (pn_assistant_get_can_go_next (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
  else
    /* the page asks more: the keyboard goes on to the first question of
     * it not yet answered */
    focus_unanswered (self, GTK_WIDGET (pn_assistant_get_current_page (self)));

  return GDK_EVENT_STOP;
}

static void
pn_assistant_class_init (PnAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = pn_assistant_dispose;
  object_class->finalize = pn_assistant_finalize;
  object_class->get_property = pn_assistant_get_property;
  object_class->set_property = pn_assistant_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CORPUS] =
    g_param_spec_boxed ("corpus", NULL, NULL, PN_TYPE_CORPUS,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, read_only);
  properties[PROP_PROGRESS] = g_param_spec_string ("progress", NULL, NULL, NULL, read_only);
  properties[PROP_NEXT_LABEL] = g_param_spec_string ("next-label", NULL, NULL, NULL, read_only);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_GO_NEXT] = g_param_spec_boolean ("can-go-next", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnAssistant::finished:
   *
   * The user went past the last applicable page, or chose to see the
   * results early.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  g_type_ensure (PN_TYPE_LOCATION_PAGE);
  g_type_ensure (PN_TYPE_PRODUCT_PAGE);
  g_type_ensure (PN_TYPE_DRUG_PAGE);
  g_type_ensure (PN_TYPE_DEVICE_PAGE);
  g_type_ensure (PN_TYPE_MILESTONE_PAGE);
  g_type_ensure (PN_TYPE_FIGURES_PAGE);
  g_type_ensure (PN_TYPE_DATE_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, PnAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PnAssistant, stack);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, pn_assistant_back_action);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, pn_assistant_next_action);
  gtk_widget_class_install_action (widget_class, "assistant.finish", NULL, pn_assistant_finish_action);
}

static void
pn_assistant_init (PnAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (pn_assistant_key_pressed_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  self->pages = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert (PN_IS_PAGE (child));

      g_ptr_array_add (self->pages, child);
      g_signal_connect_object (child, "notify::complete",
                               G_CALLBACK (pn_assistant_page_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (child, "notify::applies",
                               G_CALLBACK (pn_assistant_page_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (child, "notify::title",
                               G_CALLBACK (pn_assistant_page_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  self->current = 0;
  self->progress = g_strdup ("");
  pn_assistant_actions_update (self);
}

GtkWidget *
pn_assistant_new (void)
{
  return g_object_new (PN_TYPE_ASSISTANT, NULL);
}

PnProfile *
pn_assistant_get_profile (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  return self->profile;
}

void
pn_assistant_set_profile (PnAssistant *self,
                          PnProfile   *profile)
{
  g_return_if_fail (PN_IS_ASSISTANT (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

PnCorpus *
pn_assistant_get_corpus (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  return self->corpus;
}

void
pn_assistant_set_corpus (PnAssistant *self,
                         PnCorpus    *corpus)
{
  g_return_if_fail (PN_IS_ASSISTANT (self));

  if (self->corpus == corpus)
    return;

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  if (corpus != NULL)
    self->corpus = pn_corpus_ref (corpus);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

PnPage *
pn_assistant_get_current_page (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  if (self->pages == NULL || self->current >= self->pages->len)
    return NULL;

  return page_at (self, self->current);
}

const char *
pn_assistant_get_title (PnAssistant *self)
{
  PnPage *page;

  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  page = pn_assistant_get_current_page (self);

  return page != NULL ? pn_page_get_title (page) : NULL;
}

const char *
pn_assistant_get_progress (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  return self->progress;
}

const char *
pn_assistant_get_next_label (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), NULL);

  /* No mnemonic: the header bar's button has Enter and Alt+→ already. */
  return self->is_last ? _("See Results") : _("Next");
}

gboolean
pn_assistant_get_is_last (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), FALSE);

  return self->is_last;
}

gboolean
pn_assistant_get_can_go_back (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), FALSE);

  return self->can_go_back;
}

gboolean
pn_assistant_get_can_go_next (PnAssistant *self)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), FALSE);

  return self->can_go_next;
}

void
pn_assistant_next (PnAssistant *self)
{
  PnPage *page;
  int next;

  g_return_if_fail (PN_IS_ASSISTANT (self));

  page = pn_assistant_get_current_page (self);
  if (page == NULL || !pn_page_get_complete (page))
    return;

  if (!pn_page_apply (page))
    return;

  /* Applying may change what applies. */
  next = pn_assistant_find_page (self, +1);
  if (next < 0)
    {
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  pn_assistant_go_to (self, next);
}

void
pn_assistant_back (PnAssistant *self)
{
  int previous;

  g_return_if_fail (PN_IS_ASSISTANT (self));

  previous = pn_assistant_find_page (self, -1);
  if (previous >= 0)
    pn_assistant_go_to (self, previous);
}

void
pn_assistant_restart (PnAssistant *self)
{
  g_return_if_fail (PN_IS_ASSISTANT (self));

  pn_assistant_go_to (self, 0);
}

gboolean
pn_assistant_show_key (PnAssistant *self,
                       const char  *key)
{
  g_return_val_if_fail (PN_IS_ASSISTANT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->pages->len; i++)
    {
      PnPage *page = page_at (self, i);

      if (pn_page_asks (page, key) && pn_page_get_applies (page))
        {
          pn_assistant_go_to (self, i);
          pn_page_focus_key (page, key);
          return TRUE;
        }
    }

  /* The page that asks it does not apply yet: an earlier answer decides
   * that (the kind of product decides the drug and device pages).  The
   * first page still incomplete is where to answer first. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      PnPage *page = page_at (self, i);

      if (pn_page_asks (page, key))
        break;
      if (pn_page_get_applies (page) && !pn_page_get_complete (page))
        {
          pn_assistant_go_to (self, i);
          return TRUE;
        }
    }

  return FALSE;
}
