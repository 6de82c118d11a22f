"""Recipes: the TOML file behind every setting — download, upload, save and load by name, diff against the last push."""

import pandas as pd
import streamlit as st

from demogen import ui
from demogen.db.catalog import stored_recipe
from demogen.recipe import Recipe, RecipeError
from demogen.tuning import dump_toml, load_toml, recipe_diff

st.title("Recipes")
current = ui.recipe()
shelf = ui.shelf()

left, right = st.columns(2)
with left:
    st.download_button(
        "Download recipe (.toml)",
        data=dump_toml(current),
        file_name=f"{ui.slug(current.tenant.name)}-seed{current.seed}.toml",
        mime="application/toml",
        icon=":material/download:",
        key="recipes.download",
    )
    upload = st.file_uploader("Upload a recipe", type=["toml"], key="recipes.upload")
    if upload is not None and st.session_state.get("recipes.uploaded") != upload.file_id:
        st.session_state["recipes.uploaded"] = upload.file_id
        try:
            ui.replace_recipe(load_toml(upload.getvalue().decode("utf-8", errors="strict"), today=ui.today()))
        except (RecipeError, UnicodeDecodeError) as error:
            st.session_state["recipes.upload_error"] = f"{upload.name}: {error}"
        else:
            st.session_state.pop("recipes.upload_error", None)
            st.rerun()
    if "recipes.upload_error" in st.session_state:
        st.error(f"Not loaded, nothing changed — {st.session_state['recipes.upload_error']}")

with right:
    name = st.text_input("Save as", value=current.tenant.name, key="recipes.save_name")
    if st.button("Save recipe", icon=":material/save:", key="recipes.save"):
        try:
            path = shelf.save(name, current)
        except RecipeError as error:
            st.error(str(error))
        else:
            st.success(f"Saved as {path.name}.")
    choices = ui.loadable_recipes()
    if choices:
        chosen = st.selectbox("Saved recipes and presets", list(choices), key="recipes.chosen")
        if st.button("Load", icon=":material/folder_open:", key="recipes.load"):
            try:
                ui.replace_recipe(choices[chosen]())
            except RecipeError as error:
                st.error(str(error))
            else:
                st.rerun()

st.subheader("Changes since the last push")
url = ui.target_database()
engine = ui.open_engine(url)
stored = stored_recipe(engine, current.tenant.name)
if stored is None:
    st.caption(f"{current.tenant.name!r} has not been pushed to {ui.display_url(url)} yet.")
else:
    try:
        changes = recipe_diff(Recipe.model_validate(stored), current)
    except ValueError as error:
        changes = None
        st.warning(f"The recipe stored with {current.tenant.name!r} cannot be read by this version: {error}")
    if changes == []:
        st.success("The recipe is the one last pushed for this tenant.")
    elif changes:
        st.dataframe(
            pd.DataFrame(changes, columns=["key", "last pushed", "now"]).astype(str),
            hide_index=True,
        )

st.subheader("The recipe")
st.code(dump_toml(current), language="toml")
