/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-notes-editor"

#include "config.h"

#include "pn-notes-editor.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>

/* One note's fields.  `item` is the document's PnText (a note) or
 * PnRequirement, or NULL for one not in the document yet (both languages
 * are needed first). */
typedef struct
{
  PnNotesEditor  *editor;     /* not owned */
  gpointer        item;
  GtkWidget      *box;
  GtkTextBuffer  *zh;
  GtkTextBuffer  *en;
  GtkCheckButton *attestation; /* requirements only */
  GtkLabel       *error;
} NoteFields;

struct _PnNotesEditor
{
  GtkWidget         parent_instance;

  PnEditorDocument *document;
  GPtrArray        *notes;      /* the document's, not owned: PnText or PnRequirement */
  gboolean          requirements; /* `notes` holds PnRequirement */
  GPtrArray        *fields;     /* NoteFields */
  gboolean          syncing;

  /* Template children */
  GtkLabel         *empty_label;
  GtkLabel         *issue_label;
  GtkBox           *notes_box;
};

G_DEFINE_FINAL_TYPE (PnNotesEditor, pn_notes_editor, GTK_TYPE_WIDGET)

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
update_empty (PnNotesEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->fields->len == 0);
}

/* The texts of a note or of a requirement */
static PnText *
item_text (PnNotesEditor *self,
           gpointer       item)
{
  return self->requirements ? &((PnRequirement *) item)->text : item;
}

/* An id no other requirement of the list has: requirement-1, -2 … */
static char *
new_requirement_id (GPtrArray *requirements)
{
  for (guint n = requirements->len + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("requirement-%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < requirements->len && !taken; i++)
        taken = g_strcmp0 (((PnRequirement *) g_ptr_array_index (requirements, i))->id, id) == 0;
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
note_changed_cb (GtkTextBuffer *buffer G_GNUC_UNUSED,
                 NoteFields    *fields)
{
  PnNotesEditor *self = fields->editor;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  PnText *text;

  if (self->syncing)
    return;

  zh = buffer_text (fields->zh);
  en = buffer_text (fields->en);
  if (*zh == '\0' || *en == '\0')
    {
      if (self->requirements)
        gtk_label_set_text (fields->error, *zh == '\0' && *en == '\0'
                                           ? _("Write the requirement in Chinese and in English, or remove it.")
                                           : *zh == '\0' ? _("Write the requirement in Chinese too.")
                                                         : _("Write the requirement in English too."));
      else
        gtk_label_set_text (fields->error, *zh == '\0' && *en == '\0'
                                           ? _("Write the note in Chinese and in English, or remove it.")
                                           : *zh == '\0' ? _("Write the note in Chinese too.")
                                                         : _("Write the note in English too."));
      gtk_widget_set_visible (GTK_WIDGET (fields->error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (fields->error), FALSE);

  if (fields->item == NULL && self->requirements)
    {
      PnRequirement *requirement = pn_requirement_new ();

      requirement->id = new_requirement_id (self->notes);
      requirement->attestation = gtk_check_button_get_active (fields->attestation);
      fields->item = requirement;
      g_ptr_array_add (self->notes, requirement);
    }
  else if (fields->item == NULL)
    {
      fields->item = pn_text_new (NULL, NULL);
      g_ptr_array_add (self->notes, fields->item);
    }
  text = item_text (self, fields->item);
  g_free (text->zh);
  g_free (text->en);
  text->zh = g_steal_pointer (&zh);
  text->en = g_steal_pointer (&en);
  pn_editor_document_changed (self->document);
}

static void
attestation_toggled_cb (GtkCheckButton *button,
                        NoteFields     *fields)
{
  PnRequirement *requirement = fields->item;

  if (fields->editor->syncing || requirement == NULL)
    return;
  requirement->attestation = gtk_check_button_get_active (button);
  pn_editor_document_changed (fields->editor->document);
}

static void
remove_clicked_cb (GtkButton  *button G_GNUC_UNUSED,
                   NoteFields *fields)
{
  PnNotesEditor *self = fields->editor;
  gboolean in_document = fields->item != NULL;

  if (in_document)
    g_ptr_array_remove (self->notes, fields->item);
  gtk_box_remove (self->notes_box, fields->box);
  g_ptr_array_remove (self->fields, fields);
  update_empty (self);
  if (in_document)
    pn_editor_document_changed (self->document);
}

static GtkTextBuffer *
add_text_field (GtkBox     *box,
                const char *label,
                const char *text,
                gboolean    chinese)
{
  GtkWidget *heading = gtk_label_new (label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 48);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  if (chinese)
    {
      GtkTextIter start, end;
      GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, "language", "zh-cn", NULL);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (box, heading);
  gtk_box_append (box, frame);

  return buffer;
}

static NoteFields *
add_fields (PnNotesEditor *self,
            gpointer       item)
{
  NoteFields *fields = g_new0 (NoteFields, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  PnText *text = item != NULL ? item_text (self, item) : NULL;
  const char *remove_label = self->requirements ? _("Remove the Requirement") : _("Remove the Note");
  g_autofree char *heading = NULL;

  fields->editor = self;
  fields->item = item;
  fields->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (self->requirements)
    /* Translators: the heading of the n-th requirement of a benefit */
    heading = g_strdup_printf (_("Requirement %u"), self->fields->len + 1);
  else
    /* Translators: the heading of the n-th note of a benefit or document */
    heading = g_strdup_printf (_("Note %u"), self->fields->len + 1);
  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (fields->box), header);

  fields->zh = add_text_field (GTK_BOX (fields->box), _("Chinese"), text ? text->zh : NULL, TRUE);
  fields->en = add_text_field (GTK_BOX (fields->box), _("English"), text ? text->en : NULL, FALSE);
  if (self->requirements)
    {
      /* An attestation is a detail of the activity the applicant
       * confirms itself: the match stays definite. */
      fields->attestation = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (
        _("The applicant confirms it: the match stays definite")));
      gtk_check_button_set_active (fields->attestation,
                                   item != NULL && ((PnRequirement *) item)->attestation);
      gtk_box_append (GTK_BOX (fields->box), GTK_WIDGET (fields->attestation));
      g_signal_connect (fields->attestation, "toggled", G_CALLBACK (attestation_toggled_cb), fields);
    }
  fields->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (fields->error, TRUE);
  gtk_label_set_xalign (fields->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (fields->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (fields->error), FALSE);
  gtk_box_append (GTK_BOX (fields->box), GTK_WIDGET (fields->error));

  g_signal_connect (fields->zh, "changed", G_CALLBACK (note_changed_cb), fields);
  g_signal_connect (fields->en, "changed", G_CALLBACK (note_changed_cb), fields);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), fields);

  gtk_box_append (self->notes_box, fields->box);
  g_ptr_array_add (self->fields, fields);
  update_empty (self);
  return fields;
}

static void
clear_fields (PnNotesEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      NoteFields *fields = g_ptr_array_index (self->fields, i);

      g_signal_handlers_disconnect_by_data (fields->zh, fields);
      g_signal_handlers_disconnect_by_data (fields->en, fields);
      if (fields->attestation != NULL)
        g_signal_handlers_disconnect_by_data (fields->attestation, fields);
      gtk_box_remove (self->notes_box, fields->box);
    }
  g_ptr_array_set_size (self->fields, 0);
}

static void
set_items (PnNotesEditor    *self,
           PnEditorDocument *document,
           GPtrArray        *notes,
           gboolean          requirements)
{
  clear_fields (self);
  g_set_object (&self->document, document);
  self->notes = notes;
  self->requirements = requirements;
  gtk_label_set_text (self->empty_label, requirements ? _("No requirements.") : _("No notes."));
  self->syncing = TRUE;
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    add_fields (self, g_ptr_array_index (notes, i));
  self->syncing = FALSE;
  update_empty (self);
  pn_notes_editor_set_issue (self, NULL);
}

void
pn_notes_editor_set_notes (PnNotesEditor    *self,
                           PnEditorDocument *document,
                           GPtrArray        *notes)
{
  g_return_if_fail (PN_IS_NOTES_EDITOR (self));

  set_items (self, document, notes, FALSE);
}

void
pn_notes_editor_set_requirements (PnNotesEditor    *self,
                                  PnEditorDocument *document,
                                  GPtrArray        *requirements)
{
  g_return_if_fail (PN_IS_NOTES_EDITOR (self));

  set_items (self, document, requirements, TRUE);
}

void
pn_notes_editor_add (PnNotesEditor *self)
{
  NoteFields *fields;
  GtkWidget *view;

  g_return_if_fail (PN_IS_NOTES_EDITOR (self));

  if (self->notes == NULL)
    return;
  fields = add_fields (self, NULL);
  view = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (fields->box))));
  if (view != NULL)
    gtk_widget_grab_focus (view);
}

const char *
pn_notes_editor_get_error (PnNotesEditor *self)
{
  g_return_val_if_fail (PN_IS_NOTES_EDITOR (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      NoteFields *fields = g_ptr_array_index (self->fields, i);

      if (gtk_widget_get_visible (GTK_WIDGET (fields->error)))
        return gtk_label_get_text (fields->error);
    }
  return NULL;
}

void
pn_notes_editor_set_issue (PnNotesEditor *self,
                           const char    *message)
{
  g_return_if_fail (PN_IS_NOTES_EDITOR (self));

  gtk_label_set_text (self->issue_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->issue_label), message != NULL);
}

static void
pn_notes_editor_dispose (GObject *object)
{
  PnNotesEditor *self = PN_NOTES_EDITOR (object);
  GtkWidget *child;

  if (self->fields != NULL)
    clear_fields (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_NOTES_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pn_notes_editor_parent_class)->dispose (object);
}

static void
pn_notes_editor_finalize (GObject *object)
{
  PnNotesEditor *self = PN_NOTES_EDITOR (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_notes_editor_parent_class)->finalize (object);
}

static void
pn_notes_editor_class_init (PnNotesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_notes_editor_dispose;
  object_class->finalize = pn_notes_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-notes-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PnNotesEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PnNotesEditor, issue_label);
  gtk_widget_class_bind_template_child (widget_class, PnNotesEditor, notes_box);
}

static void
pn_notes_editor_init (PnNotesEditor *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->fields = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
pn_notes_editor_new (void)
{
  return g_object_new (PN_TYPE_NOTES_EDITOR, NULL);
}
