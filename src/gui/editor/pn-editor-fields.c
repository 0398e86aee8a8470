/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-editor-fields"

#include "config.h"

#include "pn-editor-fields.h"

#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-types.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* A percent such as "12.5" (the % taken off) in hundredths: 1250. */
static gboolean
parse_hundredths (const char *text,
                  gint64     *out_hundredths)
{
  const char *p = text;
  gint64 whole = 0;
  gint64 fraction = 0;
  guint decimals = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 100)
        return FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
    }
  if (*p != '\0')
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  *out_hundredths = whole * 100 + fraction;
  return TRUE;
}

/* "40%" "40 %" "40％" "40" → "40" */
static char *
strip_percent (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%' || c == 0xFF05 || g_unichar_isspace (c))
        continue;
      if (c >= 0xFF10 && c <= 0xFF19)      /* full-width digits */
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)                /* full-width full stop */
        g_string_append_c (out, '.');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pn_editor_parse_rate (const char  *text,
                      double      *out_rate,
                      GError     **error)
{
  g_autofree char *digits = strip_percent (text != NULL ? text : "");
  gint64 hundredths = 0;

  g_return_val_if_fail (out_rate != NULL, FALSE);

  if (*digits == '\0')
    {
      *out_rate = -1;
      return TRUE;
    }
  if (!parse_hundredths (digits, &hundredths) || hundredths > 10000)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Not a rate: type a percent from 0 to 100, such as 40% or 12.5%."));
      return FALSE;
    }
  *out_rate = hundredths / 10000.0;
  return TRUE;
}

gboolean
pn_editor_parse_stages (const char  *text,
                        GArray     **out_shares,
                        GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autofree char *normal = NULL;
  gint64 sum = 0;

  g_return_val_if_fail (out_shares != NULL, FALSE);

  *out_shares = NULL;
  /* commas, Chinese commas and 、 separate the shares */
  normal = g_strdup (text != NULL ? text : "");
  {
    g_autoptr(GRegex) separators = g_regex_new ("[,，、;；/]+|\\s+", 0, 0, NULL);
    g_autofree char *replaced = g_regex_replace_literal (separators, normal, -1, 0, " ", 0, NULL);

    g_free (normal);
    normal = g_strstrip (g_steal_pointer (&replaced));
  }
  if (*normal == '\0')
    return TRUE;

  parts = g_strsplit (normal, " ", -1);
  shares = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *digits = strip_percent (parts[i]);
      gint64 hundredths = 0;
      double share;

      if (*digits == '\0')
        continue;
      if (!parse_hundredths (digits, &hundredths) || hundredths == 0 || hundredths > 10000)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is what was typed for one instalment */
                       _("“%s” is not a share: type each instalment as a percent, such as 40%%, 30%%, 30%%."),
                       parts[i]);
          return FALSE;
        }
      share = hundredths / 10000.0;
      g_array_append_val (shares, share);
      sum += hundredths;
    }

  if (shares->len < 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A payment in instalments has two instalments at least."));
      return FALSE;
    }
  if (sum != 10000)
    {
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%",
                                                sum / 100, sum % 100);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is the sum of the shares typed, such as 90.00% */
                   _("The instalments add up to %s, not 100%%."), total);
      return FALSE;
    }

  *out_shares = g_steal_pointer (&shares);
  return TRUE;
}

gboolean
pn_editor_parse_yuan (const char  *text,
                      gint64      *out_yuan,
                      GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *message = NULL;

  g_return_val_if_fail (out_yuan != NULL, FALSE);

  if (*stripped == '\0')
    {
      *out_yuan = PN_YUAN_UNSET;
      return TRUE;
    }
  if (pn_money_parse (stripped, out_yuan, NULL))
    return TRUE;

  message = pn_gui_amount_error (stripped);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       message != NULL ? message : _("Not an amount."));
  return FALSE;
}

char *
pn_editor_format_yuan (gint64 yuan)
{
  if (yuan == PN_YUAN_UNSET || yuan < 0)
    return g_strdup ("");
  if (yuan > 0 && yuan % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "万", yuan / 10000);
  return g_strdup_printf ("%" G_GINT64_FORMAT, yuan);
}

static char *
percent_text (double share)
{
  gint64 hundredths = (gint64) llround (share * 10000);

  if (hundredths % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%%", hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", hundredths / 100,
                            (hundredths % 100) / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%", hundredths / 100,
                          hundredths % 100);
}

char *
pn_editor_format_rate (double rate)
{
  if (rate < 0)
    return g_strdup ("");
  return percent_text (rate);
}

char *
pn_editor_format_stages (GArray *shares)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; shares != NULL && i < shares->len; i++)
    {
      g_autofree char *share = percent_text (g_array_index (shares, double, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, share);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
pn_editor_show_field_error (GtkWidget  *field,
                            GtkWidget  *error_row,
                            const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (error_row));

  if (ADW_IS_PREFERENCES_ROW (error_row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message != NULL ? message : "");
  else if (GTK_IS_LABEL (error_row))
    gtk_label_set_text (GTK_LABEL (error_row), message != NULL ? message : "");
  gtk_widget_set_visible (error_row, message != NULL);

  if (field == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
