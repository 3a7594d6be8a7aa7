// The demo's citation-style switcher: sets the essay list's `citation-style`; the in-text citations follow.
const select = document.getElementById('citation-style');
const lists = document.querySelectorAll('hearth-references');
const saved = sessionStorage.getItem('hearth-demo-style');
if (saved) select.value = saved;
const apply = () => {
  for (const list of lists) list.setAttribute('citation-style', select.value);
  sessionStorage.setItem('hearth-demo-style', select.value);
};
select.addEventListener('change', apply);
apply();
