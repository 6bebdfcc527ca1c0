import "nhsuk-frontend/dist/nhsuk/nhsuk-frontend-10.6.1.min.css";
import "./styles.css";
import { render } from "solid-js/web";
import { App } from "./app";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element to render into");
render(() => <App />, root);
