/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object.h: defining GObject types under QEMU's type names.
 *
 * G_DEFINE_TYPE names a type after its C struct ("S390CcwMachineState");
 * users know types by QEMU's names ("s390-ccw-virtio-machine",
 * "vfio-ccw").  OBJECT_DEFINE_TYPE registers the GType under the given
 * name and otherwise behaves like G_DEFINE_TYPE: it declares
 * prefix_init() and prefix_class_init() for the file to define, and
 * provides prefix_parent_class and prefix_get_type().
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include <glib-object.h>

#define OBJECT_DEFINE_TYPE_FLAGS(Instance, Class, prefix, type_name,       \
                                 parent_type, flags)                       \
    static void prefix##_init(Instance *self);                            \
    static void prefix##_class_init(Class *klass);                        \
    static gpointer prefix##_parent_class;                                \
    static void prefix##_class_intern_init(gpointer klass, gpointer data) \
    {                                                                      \
        prefix##_parent_class = g_type_class_peek_parent(klass);          \
        prefix##_class_init((Class *)klass);                              \
    }                                                                      \
    static void prefix##_instance_intern_init(GTypeInstance *inst,        \
                                              gpointer klass)             \
    {                                                                      \
        prefix##_init((Instance *)inst);                                  \
    }                                                                      \
    GType prefix##_get_type(void)                                         \
    {                                                                      \
        static gsize type_id;                                             \
        if (g_once_init_enter(&type_id)) {                                \
            static const GTypeInfo info = {                               \
                .class_size = sizeof(Class),                              \
                .class_init = prefix##_class_intern_init,                 \
                .instance_size = sizeof(Instance),                        \
                .instance_init = prefix##_instance_intern_init,           \
            };                                                             \
            GType t = g_type_register_static(parent_type,                 \
                                             g_intern_static_string(type_name), \
                                             &info, flags);               \
            g_once_init_leave(&type_id, t);                               \
        }                                                                  \
        return type_id;                                                   \
    }

/** OBJECT_DEFINE_TYPE: a concrete type named @type_name. */
#define OBJECT_DEFINE_TYPE(Instance, Class, prefix, type_name, parent_type) \
    OBJECT_DEFINE_TYPE_FLAGS(Instance, Class, prefix, type_name,           \
                             parent_type, 0)

/** OBJECT_DEFINE_ABSTRACT_TYPE: an abstract type named @type_name. */
#define OBJECT_DEFINE_ABSTRACT_TYPE(Instance, Class, prefix, type_name,     \
                                    parent_type)                            \
    OBJECT_DEFINE_TYPE_FLAGS(Instance, Class, prefix, type_name,           \
                             parent_type, G_TYPE_FLAG_ABSTRACT)

#endif /* QOM_OBJECT_H */
